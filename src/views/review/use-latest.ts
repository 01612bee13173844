import { useRef } from 'react';
import type { QueryState } from '../use-query';

/**
 * The rows of the last answer that arrived, kept while a new query runs, so a table does not blank
 * out (and lose its scroll position) on every keystroke or click.
 */
export function useLatestRows<T>(state: QueryState<T>): T[] | null {
  const last = useRef<T[] | null>(null);
  if (state.status === 'ready') last.current = state.rows;
  return last.current;
}
