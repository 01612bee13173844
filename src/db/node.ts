import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { RecordBatch, Table } from 'apache-arrow';
import { type AnalystConnection, runAnalystSql } from './analyst';
import { arrowToRows, type Db, OPEN_CONFIG, QueryError, type Row, SESSION_SETTINGS } from './db';

const require = createRequire(import.meta.url);

/** The Node engine, with the bare connection's Arrow answer for benchmarks (the app's overhead is the difference). */
export interface NodeDb extends Db {
  raw(sql: string): Table;
}

/** Opens DuckDB-WASM's blocking Node build (for tests, the CLI and scripts). */
export async function openNodeDb(): Promise<NodeDb> {
  const bundles = {
    mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open(OPEN_CONFIG);
  const conn = db.connect();
  const run = <T>(sql: string, f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw new QueryError(sql, err);
    }
  };
  for (const s of SESSION_SETTINGS) run(s, () => conn.query(s));
  let analyst: AnalystConnection | undefined;
  return {
    raw: (sql) => run(sql, () => conn.query(sql)),
    async query<T extends Row = Row>(sql: string) {
      return arrowToRows<T>(run(sql, () => conn.query(sql)));
    },
    async exec(sql: string) {
      run(sql, () => conn.query(sql));
    },
    async insertArrowIPC(table, ipc, options = {}) {
      const label = `insert arrow into ${table}`;
      run(label, () =>
        conn.insertArrowFromIPCStream(ipc, { name: table, schema: options.schema, create: options.create ?? true }),
      );
    },
    async analystQuery(sql, maxRows) {
      analyst ??= analystConnection(db);
      return runAnalystSql(analyst, sql, maxRows);
    },
    async cancelAnalystQuery() {
      return analyst ? analyst.cancel() : false;
    },
    async close() {
      conn.close();
    },
  };
}

/** The SQL console's own connection on the Node engine (the same guard as in the browser). */
function analystConnection(db: duckdb.DuckDBBindings): AnalystConnection {
  const conn = db.connect();
  for (const s of SESSION_SETTINGS) conn.query(s);
  return {
    query: async (sql) => conn.query(sql),
    async prepare(sql) {
      conn.prepare(sql).close();
    },
    async stream(sql) {
      const reader: Iterable<RecordBatch> = await conn.send(sql, true);
      return (async function* () {
        for (const batch of reader) yield batch;
      })();
    },
    cancel: async () => conn.cancelSent(),
  };
}
