import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Row } from '../../db';
import { getAppDb, store } from '../../store';
import { type QueryState, useQuery } from '../use-query';

/** Rows fetched at a time as the table scrolls. */
export const PAGE_ROWS = 500;

/** A long result read page by page: its total, the rows fetched so far, and a way to ask for more. */
export interface PagedRows<T> {
  /** Rows in the whole result, null until counted. */
  total: number | null;
  count: QueryState<{ total: number }>;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt(index: number): T | undefined;
  /** Fetches the pages that hold rows `first` to `last` (the rows in view). */
  need(first: number, last: number): void;
  /** The first page has arrived for the current query (older pages stay shown until then). */
  ready: boolean;
  error: string | null;
}

/**
 * Reads a result of any length in pages of {@link PAGE_ROWS}: one count, then `LIMIT … OFFSET …`
 * for the pages the table shows, so a million findings cost what one screen does. Pages of an
 * older query (or older data) are dropped when they arrive late.
 */
export function usePagedRows<T extends Row>(
  countSql: string,
  pageSql: (offset: number, limit: number) => string,
  key: string,
): PagedRows<T> {
  const dataVersion = useStore(store, (s) => s.dataVersion);
  // Findings exist once the rules have run; until then nothing is fetched.
  const rulesReady = useStore(store, (s) => s.rulesReady);
  const count = useQuery<{ total: number }>(countSql);
  const current = rulesReady ? `${key}\u0000${dataVersion}` : '';
  const [state, setState] = useState<{ key: string; pages: ReadonlyMap<number, T[]> }>({ key: '', pages: new Map() });
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(new Set<string>());
  const latest = useRef(current);
  latest.current = current;
  // Rebuilt on every render; `current` names the query it builds.
  const makeSql = useRef(pageSql);
  makeSql.current = pageSql;

  const fetchPage = useCallback(
    (page: number) => {
      const id = `${current}\u0000${page}`;
      if (inFlight.current.has(id)) return;
      inFlight.current.add(id);
      getAppDb()
        .then((db) => db.query<T>(makeSql.current(page * PAGE_ROWS, PAGE_ROWS)))
        .then(
          (rows) => {
            if (latest.current !== current) return; // a newer query or newer data: drop
            setState((prev) => {
              const pages = new Map(prev.key === current ? prev.pages : []);
              pages.set(page, rows);
              return { key: current, pages };
            });
          },
          (err: unknown) => latest.current === current && setError(err instanceof Error ? err.message : String(err)),
        )
        .finally(() => inFlight.current.delete(id));
    },
    [current],
  );

  // The first page of a new query (or new data).
  useEffect(() => {
    setError(null);
    if (current) fetchPage(0);
  }, [fetchPage, current]);

  const fresh = current !== '' && state.key === current;
  return {
    total: count.status === 'ready' ? (count.rows[0]?.total ?? 0) : null,
    count,
    rowAt: (index) => state.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS],
    need: (first, last) => {
      if (!fresh || !current) return;
      for (let page = Math.floor(first / PAGE_ROWS); page <= Math.floor(last / PAGE_ROWS); page++)
        if (!state.pages.has(page)) fetchPage(page);
    },
    ready: fresh,
    error,
  };
}
