/**
 * The app's `Db` interface (src/db/db.ts) over native DuckDB (@duckdb/node-api), so the app's SQL —
 * views, rules, dashboard queries — runs unchanged on the native engine: over Parquet files, on a
 * server, beyond one machine. Scripts only; the browser keeps DuckDB-WASM.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Bool, DataType, Float64, Int32, type Table, tableFromIPC, Utf8 } from 'apache-arrow';
import { type Db, QueryError, type Row, SESSION_SETTINGS } from '../../src/db/db';
import { TABLES, tableSpec } from '../../src/db/schema';
import { ident, literal, qualified } from '../../src/db/sql';

/** Types of the hive partition columns of the Parquet folders (paths carry strings). */
export const HIVE_TYPES = "{'year': INTEGER, 'region': VARCHAR}";

/** A `Db` over native DuckDB, with the connection for what the interface does not cover (COPY … TO). */
export interface NativeDb extends Db {
  connection: DuckDBConnection;
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Uint8Array) return Array.from(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

function sqlType(type: DataType): string {
  if (DataType.isUtf8(type)) return 'VARCHAR';
  if (DataType.isBool(type)) return 'BOOLEAN';
  if (DataType.isInt(type)) return type.bitWidth > 32 ? 'BIGINT' : 'INTEGER';
  if (DataType.isFloat(type)) return 'DOUBLE';
  throw new Error(`native db: unsupported Arrow type ${String(type)}`);
}

/**
 * Opens native DuckDB (in memory unless `path` is given) behind the `Db` interface: rows come back
 * as plain values (BIGINT and DECIMAL as numbers), as from the wasm engine (`OPEN_CONFIG`).
 */
export async function openNativeDb(path = ':memory:', config: Record<string, string> = {}): Promise<NativeDb> {
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  const run = async <T>(sql: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      throw new QueryError(sql, err);
    }
  };
  for (const s of SESSION_SETTINGS) await run(s, () => connection.run(s));
  return {
    connection,
    async query<T extends Row = Row>(sql: string) {
      const reader = await run(sql, () => connection.runAndReadAll(sql));
      return reader.getRowObjectsJS().map((r) => plain(r) as T);
    },
    async exec(sql: string) {
      await run(sql, () => connection.run(sql));
    },
    async analystQuery() {
      throw new Error('the SQL console runs on DuckDB-WASM; native DuckDB serves the scripts only');
    },
    async cancelAnalystQuery() {
      return false;
    },
    async insertArrowIPC(table, ipc, options = {}) {
      // Native DuckDB reads no Arrow IPC without an extension (none can be downloaded offline), so
      // the rows go through an appender: fine for tests and small loads; ingest writes Parquet instead.
      const t: Table = tableFromIPC(ipc);
      const name = options.schema ? qualified(options.schema, table) : ident(table);
      const fields = t.schema.fields;
      if (options.create ?? true)
        await run(`create ${table}`, () =>
          connection.run(
            `CREATE TABLE ${name} (${fields.map((f) => `${ident(f.name)} ${sqlType(f.type)}`).join(', ')})`,
          ),
        );
      const appender = await run(`appender ${table}`, () => connection.createAppender(table, options.schema ?? null));
      const columns = fields.map((f, i) => ({ type: f.type, vector: t.getChildAt(i) }));
      for (let r = 0; r < t.numRows; r++) {
        for (const c of columns) {
          const v: unknown = c.vector?.get(r) ?? null;
          if (v === null) appender.appendNull();
          else if (c.type instanceof Utf8) appender.appendVarchar(v as string);
          else if (c.type instanceof Bool) appender.appendBoolean(v as boolean);
          else if (c.type instanceof Int32) appender.appendInteger(v as number);
          else if (c.type instanceof Float64) appender.appendDouble(v as number);
          else appender.appendVarchar(String(v));
        }
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * Creates a view per table of the app's schema over the partitioned Parquet written by
 * `npm run ingest -- --parquet DIR` (`DIR/<table>/year=…/region=…/*.parquet`), with the table's
 * columns in schema order and types, so the app's SQL reads them as it reads its tables.
 */
export async function createParquetViews(db: Db, dir: string): Promise<void> {
  for (const t of TABLES) {
    const glob = `${dir.replace(/\/+$/, '')}/${t.name}/**/*.parquet`;
    const cols = tableSpec(t.name).columns.map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`);
    await db.exec(
      `CREATE OR REPLACE VIEW ${ident(t.name)} AS SELECT ${cols.join(', ')} FROM read_parquet(${literal(glob)}, hive_partitioning = true, hive_types = ${HIVE_TYPES})`,
    );
  }
}
