import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { type AnalystConnection, runAnalystSql } from './analyst';
import { arrowToRows, type Db, OPEN_CONFIG, QueryError, type Row, SESSION_SETTINGS } from './db';

/** Progress of starting the engine, for the loading screen. */
export interface StartProgress {
  phase: 'download' | 'instantiate' | 'open';
  /** Bytes of the wasm module loaded so far and in all (0 when unknown). */
  loaded: number;
  total: number;
}

/**
 * Starts DuckDB-WASM on a Web Worker. The wasm and the worker script are served by the app itself
 * (Vite `?url` imports), never from a CDN. Only the EH bundle ships: every current browser runs it
 * and the MVP bundle would add 39 MB (../shared/STACK.md).
 */
export async function openBrowserDb(onProgress?: (p: StartProgress) => void): Promise<Db> {
  // When the wasm cannot be fetched, the engine's worker fails inside Emscripten and its task never
  // settles; asking for the file's headers first turns that into a clear error.
  const head = await fetch(ehWasm, { method: 'HEAD' }).catch((err: unknown) => {
    throw new Error(`cannot reach the DuckDB engine (${ehWasm}): ${err instanceof Error ? err.message : String(err)}`);
  });
  if (!head.ok) throw new Error(`cannot load the DuckDB engine (${ehWasm}): HTTP ${head.status}`);
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    onProgress?.({ phase: 'download', loaded: 0, total: 0 });
    await db.instantiate(ehWasm, null, (p) =>
      onProgress?.({ phase: 'download', loaded: p.bytesLoaded, total: p.bytesTotal }),
    );
    onProgress?.({ phase: 'open', loaded: 0, total: 0 });
    await db.open(OPEN_CONFIG);
  } catch (err) {
    worker.terminate();
    throw err;
  }
  const conn = await db.connect();
  const run = async <T>(sql: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      throw new QueryError(sql, err);
    }
  };
  for (const s of SESSION_SETTINGS) await run(s, () => conn.query(s));
  const bench = benchHook(conn);
  let analyst: Promise<AnalystConnection> | undefined;
  const appDb: Db = {
    async query<T extends Row = Row>(sql: string) {
      const t0 = performance.now();
      const table = await run(sql, () => conn.query(sql));
      bench?.log.push({ sql, start: t0, engineMs: performance.now() - t0 });
      return arrowToRows<T>(table);
    },
    async exec(sql: string) {
      await run(sql, () => conn.query(sql));
    },
    async insertArrowIPC(table, ipc, options = {}) {
      await run(`insert arrow into ${table}`, () =>
        conn.insertArrowFromIPCStream(ipc, { name: table, schema: options.schema, create: options.create ?? true }),
      );
    },
    async analystQuery(sql, maxRows) {
      analyst ??= analystConnection(db);
      return runAnalystSql(await analyst, sql, maxRows);
    },
    async close() {
      // Terminate without closing the connection first: a close waits behind a running query,
      // and closing is how a runaway query is cancelled (DuckDB-WASM cannot interrupt one).
      await db.terminate();
    },
  };
  if (bench)
    bench.app = async (sql) => {
      const t0 = performance.now();
      await appDb.query(sql);
      return performance.now() - t0;
    };
  return appDb;
}

/** The SQL console's own connection: its temporary tables, `USE` and transactions stay out of the app's. */
async function analystConnection(db: duckdb.AsyncDuckDB): Promise<AnalystConnection> {
  const conn = await db.connect();
  for (const s of SESSION_SETTINGS) await conn.query(s);
  return {
    query: (sql) => conn.query(sql),
    async prepare(sql) {
      await (await conn.prepare(sql)).close();
    },
    // Streamed from the engine (allowStreamResult), so a huge answer is never materialised whole.
    stream: (sql) => conn.send(sql, true),
    async cancel() {
      await conn.cancelSent();
    },
  };
}

/** What `npm run bench` reads in the page: every query the app ran, and a way to time one on the bare engine. */
export interface BenchHook {
  /** Queries in the order the app sent them: when, and how long until the engine's Arrow answer arrived. */
  log: { sql: string; start: number; engineMs: number }[];
  /** Runs `sql` on the engine directly (no app code around it): milliseconds to the Arrow answer, and its rows. */
  raw(sql: string): Promise<{ ms: number; rows: Row[] }>;
  /** Runs `sql` as the views do (the app's Db: the answer turned into rows): milliseconds. */
  app(sql: string): Promise<number>;
}

declare global {
  interface Window {
    __targetLensBench?: BenchHook;
  }
}

/** Installs the bench hook when the page was opened with `?bench` (only `npm run bench` does). */
function benchHook(conn: duckdb.AsyncDuckDBConnection): BenchHook | null {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('bench')) return null;
  const hook: BenchHook = {
    log: [],
    app: () => Promise.reject(new Error('the app database is not open yet')),
    async raw(sql) {
      const t0 = performance.now();
      const table = await conn.query(sql);
      const ms = performance.now() - t0;
      return { ms, rows: arrowToRows(table) };
    },
  };
  window.__targetLensBench = hook;
  return hook;
}
