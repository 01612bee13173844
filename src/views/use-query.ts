import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Row } from '../db';
import { QueryError } from '../db';
import { getAppDb, store } from '../store';

/** Tables and views that exist only once the rules have run (see `startApp`). */
const NEEDS_RULES =
  /\b(findings|project_scores|department_scores|region_scores|rollup_rule_hits|rules\.|project_famil|families|family_|indicator_spread|unit_profile|year_)/;

/**
 * A query's state in a view. Once a query has answered, a new question (filters changed, new data)
 * keeps the last rows on screen with `refreshing` set until the new answer replaces them: charts
 * update in place instead of being torn down and drawn again, and the page does not jump.
 */
export type QueryState<T> =
  | { status: 'pending' }
  | { status: 'error'; error: string; sql: string }
  | { status: 'ready'; rows: T[]; refreshing?: boolean };

/** Whether a query has not answered its current question yet. */
export const isBusy = (q: QueryState<unknown>) => q.status === 'pending' || (q.status === 'ready' && !!q.refreshing);

/** Answers waiting for the next frame: answers arriving within one frame render together, once. */
const deliveries: (() => void)[] = [];

function deliver(update: () => void): void {
  deliveries.push(update);
  if (deliveries.length > 1) return;
  const flush = () => {
    for (const f of deliveries.splice(0)) f();
  };
  // A hidden page gets no frames; its views still follow.
  if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden')
    requestAnimationFrame(flush);
  else setTimeout(flush, 0);
}

/**
 * Runs `sql` on the app's database and re-runs it when the SQL or the data change; a stale answer
 * (SQL changed meanwhile) is dropped. Views declare their query and render the state.
 */
export function useQuery<T extends Row>(sql: string | null, options: { needsRules?: boolean } = {}): QueryState<T> {
  const dataVersion = useStore(store, (s) => s.dataVersion);
  const rulesReady = useStore(store, (s) => s.rulesReady);
  const engineReady = useStore(store, (s) => s.engine.status === 'ready');
  const engineError = useStore(store, (s) => s.engine.error);
  const needsRules = options.needsRules ?? (sql !== null && NEEDS_RULES.test(sql));
  const waiting = !engineReady || (needsRules && !rulesReady);
  const [state, setState] = useState<QueryState<T>>({ status: 'pending' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion is a dependency on purpose: new data, new answer.
  useEffect(() => {
    if (sql === null || waiting) return;
    let current = true;
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'pending' }));
    getAppDb()
      .then((db) => db.query<T>(sql))
      .then(
        (rows) => deliver(() => current && setState({ status: 'ready', rows })),
        (err: unknown) =>
          deliver(
            () =>
              current &&
              setState({
                status: 'error',
                error: err instanceof Error ? err.message : String(err),
                sql: err instanceof QueryError ? err.sql : sql,
              }),
          ),
      );
    return () => {
      current = false;
    };
  }, [sql, dataVersion, waiting]);
  if (engineError !== null && !engineReady) return { status: 'error', error: engineError, sql: sql ?? '' };
  if (!waiting) return state;
  return state.status === 'ready' ? { ...state, refreshing: true } : { status: 'pending' };
}
