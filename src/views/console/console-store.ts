import { createStore } from 'zustand/vanilla';
import type { ResultChartType } from '../../charts/result-chart';
import { QueryError, type Row } from '../../db';
import { ReadOnlyRefusal } from '../../db/analyst';
import { DEFAULT_CONSOLE_SQL } from '../../db/queries-console';
import { errorMessage, getAppDb, restartEngine, store } from '../../store';

/** A query of the console: running, answered, failed, or cancelled (engine restarted). */
export type ConsoleRun =
  | { status: 'idle' }
  | { status: 'running'; sql: string; startedAt: number; slow: boolean }
  | { status: 'ready'; sql: string; columns: string[]; rows: Row[]; ms: number; truncated: boolean }
  | {
      status: 'error';
      sql: string;
      error: string;
      /** The first word of a statement refused because the console only reads (see `analyst.ts`). */
      refused: string | null;
    }
  | {
      status: 'cancelled';
      sql: string;
      /** The engine could not interrupt the query, so it was restarted (and the data loaded again). */
      restarted: boolean;
    };

/** State of the SQL console. It outlives the view, which unmounts while the engine restarts. */
export interface ConsoleState {
  sql: string;
  run: ConsoleRun;
  /** Chart type the analyst picked; null follows the result's suggestion. */
  chartType: ResultChartType | null;
  /** Queries started since the page opened. */
  runs: number;
}

/**
 * Rows of an answer the console fetches (shown, charted and exported); the engine stops producing
 * the rest, and the view says the answer was cut.
 */
export const CONSOLE_ROW_LIMIT = 10_000;

/** After this long a running query offers Cancel. */
export const SLOW_QUERY_MS = 1000;

/** The console's store (vanilla; the view reads it with `useStore`). */
export const consoleStore = createStore<ConsoleState>()(() => ({
  sql: DEFAULT_CONSOLE_SQL,
  run: { status: 'idle' },
  chartType: null,
  runs: 0,
}));

let current = 0;
/** The running query's answer (or failure), to know when a cancelled one has stopped. */
let running: Promise<unknown> = Promise.resolve();

/** How long an interrupted query may take to stop before the engine is restarted instead. */
const STOP_TIMEOUT_MS = 3000;

/** Resolves once the rules have run: findings, scores and `rules.*` exist only then (see `startApp`). */
function rulesReady(): Promise<void> {
  if (store.getState().rulesReady) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (s.rulesReady) {
        stop();
        resolve();
      }
    });
  });
}

/** Replaces the editor text. */
export function setConsoleSql(sql: string): void {
  consoleStore.setState({ sql });
}

/** Picks the chart type (null: the suggested one). */
export function setConsoleChartType(chartType: ResultChartType | null): void {
  consoleStore.setState({ chartType });
}

/**
 * Runs `sql` on the app's database, once the rules have run (so every table and view is there). A
 * newer run or a cancel makes this run's answer stale, and it is dropped; after
 * {@link SLOW_QUERY_MS} the run is marked slow so the view offers Cancel.
 */
export async function runConsoleQuery(sql: string = consoleStore.getState().sql): Promise<void> {
  const id = ++current;
  const startedAt = performance.now();
  consoleStore.setState((s) => ({
    sql,
    run: { status: 'running', sql, startedAt, slow: false },
    chartType: null,
    runs: s.runs + 1,
  }));
  const timer = setTimeout(() => {
    const { run } = consoleStore.getState();
    if (id === current && run.status === 'running') consoleStore.setState({ run: { ...run, slow: true } });
  }, SLOW_QUERY_MS);
  try {
    await rulesReady();
    if (id !== current) return;
    const db = await getAppDb();
    const t0 = performance.now();
    const answer = db.analystQuery(sql, CONSOLE_ROW_LIMIT);
    running = answer.catch(() => undefined);
    const { columns, rows, truncated } = await answer;
    if (id !== current) return;
    consoleStore.setState({ run: { status: 'ready', sql, columns, rows, ms: performance.now() - t0, truncated } });
  } catch (err) {
    if (id !== current) return;
    const error = errorMessage(err);
    consoleStore.setState({
      run: {
        status: 'error',
        sql: err instanceof QueryError ? err.sql : err instanceof ReadOnlyRefusal ? err.statement : sql,
        error,
        refused: err instanceof ReadOnlyRefusal ? err.keyword : null,
      },
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Cancels the running query and drops its answer. The engine interrupts it if it can (a query
 * being answered); otherwise, or if it does not stop at once, the engine is restarted with the data
 * (see `restartEngine`): DuckDB-WASM has no other way to stop a query.
 */
export async function cancelConsoleQuery(): Promise<void> {
  const { run } = consoleStore.getState();
  if (run.status !== 'running') return;
  current++;
  const db = await getAppDb();
  // The engine reads the request only between two steps of the query: a step that works for long
  // (one huge scalar call) keeps it from even answering, so the whole attempt is timed.
  const stopped = await Promise.race([
    db
      .cancelAnalystQuery()
      .then((interrupted) => interrupted && running.then(() => true))
      .catch(() => false),
    new Promise<boolean>((done) => setTimeout(() => done(false), STOP_TIMEOUT_MS)),
  ]);
  consoleStore.setState({ run: { status: 'cancelled', sql: run.sql, restarted: !stopped } });
  if (!stopped) await restartEngine();
}
