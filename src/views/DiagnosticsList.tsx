import { type DiagnosticRow, diagnosticsQuery } from '../db/queries';
import type { Messages } from '../i18n';
import { StatusMessage } from './StatusMessage';
import { useQuery } from './use-query';

/** The parser's diagnostics for one document, from the `diagnostics` table. */
export function DiagnosticsList({ docId, t }: { docId: string; t: Messages }) {
  const q = useQuery<DiagnosticRow>(diagnosticsQuery(docId));
  if (q.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  if (q.status === 'error')
    return <StatusMessage kind="error" title={t.queryFailed} detail={`${q.error}\n\n${q.sql}`} />;
  if (q.rows.length === 0) return <p className="empty">{t.noDiagnostics}</p>;
  return (
    <ul className="diagnostics">
      {q.rows.map((d, i) => (
        // Diagnostics have no id and may repeat, so the index is the only stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i} className={`severity-${d.severity}`}>
          <span className="severity">{t[d.severity]}</span> <code>{d.code}</code>
          {d.line !== null && (
            <span className="where">
              {' '}
              ({t.line} {d.line})
            </span>
          )}{' '}
          {d.message}
        </li>
      ))}
    </ul>
  );
}
