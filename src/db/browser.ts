import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { watchLifeLock, workerName } from '../worker/life-lock';
import { type AnalystConnection, runAnalystSql } from './analyst';
import { arrowToRows, type Db, OPEN_CONFIG, QueryError, type Row, SESSION_SETTINGS } from './db';

/** Progress of starting the engine, for the loading screen. */
export interface StartProgress {
  phase: 'download' | 'instantiate' | 'open';
  /** Bytes of the wasm module loaded so far and in all (0 when unknown). */
  loaded: number;
  total: number;
}

/** What the engine's owner hears of it besides answers. */
export interface EngineEvents {
  onProgress?: (p: StartProgress) => void;
  /**
   * The engine is gone: its worker died (crashed, closed, killed) or the WebAssembly instance
   * aborted (its 4 GB heap exhausted). Queries waiting on it never answer; open a new one.
   */
  onCrash?: (reason: string) => void;
}

/** The engine died (see `EngineEvents.onCrash`, which has been told); whoever started it need not report it again. */
export class EngineCrash extends Error {
  override readonly name = 'EngineCrash';
}

/**
 * Errors after which the WebAssembly instance is unusable (Emscripten aborted): every later call
 * would fail or hang, so the engine counts as crashed.
 */
const FATAL = /RuntimeError|Aborted\(|memory access out of bounds|unreachable|worker is not set/;

/**
 * Starts DuckDB-WASM on a Web Worker (engine.worker.ts, which loads DuckDB's own). The wasm and the
 * worker scripts are served by the app itself (Vite `?url` and worker imports), never from a CDN. Only the EH bundle ships: every current browser runs it
 * and the MVP bundle would add 39 MB (../shared/STACK.md).
 */
export async function openBrowserDb({ onProgress, onCrash }: EngineEvents = {}): Promise<Db> {
  // When the wasm cannot be fetched, the engine's worker fails inside Emscripten and its task never
  // settles; asking for the file's headers first turns that into a clear error.
  const head = await fetch(ehWasm, { method: 'HEAD' }).catch((err: unknown) => {
    throw new Error(`cannot reach the DuckDB engine (${ehWasm}): ${err instanceof Error ? err.message : String(err)}`);
  });
  if (!head.ok) throw new Error(`cannot load the DuckDB engine (${ehWasm}): HTTP ${head.status}`);
  const name = workerName('duckdb');
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let closing = false;
  let crashed = false;
  // Rejects when the engine dies, so that a start cannot wait forever on a dead worker.
  let died: (err: EngineCrash) => void = () => undefined;
  const death = new Promise<never>((_, reject) => {
    died = reject;
  });
  death.catch(() => undefined);
  const crash = (reason: string) => {
    if (closing || crashed) return;
    crashed = true;
    died(new EngineCrash(reason));
    onCrash?.(reason);
  };
  worker.addEventListener('error', (event) => crash(event.message || 'the engine worker failed'));
  worker.addEventListener('message', (event: MessageEvent<{ type?: string; data?: { lifeLock?: string } }>) => {
    // engine.worker.ts holds its lock now: this is granted when it dies.
    if (event.data?.type === 'LOG' && event.data.data?.lifeLock === name)
      watchLifeLock(name, () => crash('the engine worker stopped'));
  });
  try {
    onProgress?.({ phase: 'download', loaded: 0, total: 0 });
    await Promise.race([
      db.instantiate(ehWasm, null, (p) =>
        onProgress?.({ phase: 'download', loaded: p.bytesLoaded, total: p.bytesTotal }),
      ),
      death,
    ]);
    onProgress?.({ phase: 'open', loaded: 0, total: 0 });
    await Promise.race([db.open(OPEN_CONFIG), death]);
  } catch (err) {
    worker.terminate();
    throw err;
  }
  const conn = await db.connect();
  /** Rethrows `err`, after telling of the crash when it says the WebAssembly instance is gone. */
  const failed = (err: unknown): never => {
    const message = err instanceof Error ? err.message : String(err);
    if (FATAL.test(message)) crash(message);
    throw err;
  };
  const run = <T>(sql: string, f: () => Promise<T>): Promise<T> =>
    f().catch((err: unknown) => failed(new QueryError(sql, err)));
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
      return runAnalystSql(await analyst, sql, maxRows).catch(failed);
    },
    async cancelAnalystQuery() {
      return analyst ? (await analyst).cancel() : false;
    },
    async close() {
      // Terminate without closing the connection first: a close waits behind a running query, and
      // terminating is how a query the engine cannot interrupt is stopped (see cancelAnalystQuery).
      closing = true;
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
    cancel: () => conn.cancelSent(),
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
