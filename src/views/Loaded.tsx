import type { ReactNode } from 'react';
import type { Messages } from '../i18n';
import { StatusMessage } from './StatusMessage';
import type { QueryState } from './use-query';

/** A query's rows once they are there; loading, error and "no data" states otherwise. */
export function Loaded<T>({ q, t, children }: { q: QueryState<T>; t: Messages; children: (rows: T[]) => ReactNode }) {
  if (q.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  if (q.status === 'error')
    return <StatusMessage kind="error" title={t.queryFailed} detail={`${q.error}\n\n${q.sql}`} />;
  if (q.rows.length === 0) return <p className="empty">{t.noData}</p>;
  // Always the same wrapper, so that a refresh updates the children in place.
  return (
    <div className="loaded" aria-busy={q.refreshing ?? false}>
      {children(q.rows)}
    </div>
  );
}
