import type { Table } from 'apache-arrow';
import type { AnalystResult } from './analyst';

/** A plain result row: numbers as numbers (never BigInt), strings, booleans, null, arrays for lists. */
export type Row = Record<string, unknown>;

/** The database the app and the scripts talk to; one interface, a browser and a Node implementation. */
export interface Db {
  /** Runs a query and returns plain rows. Rejects with a `QueryError` carrying the SQL. */
  query<T extends Row = Row>(sql: string): Promise<T[]>;
  /** Runs statements that return nothing useful (DDL, SET, INSERT). */
  exec(sql: string): Promise<void>;
  /** Loads Arrow IPC stream bytes into `table` (`create`: make the table from the Arrow schema). */
  insertArrowIPC(table: string, ipc: Uint8Array, options?: { create?: boolean; schema?: string }): Promise<void>;
  /**
   * Runs the SQL console's statements: read only, on a connection of its own, and at most `maxRows`
   * rows of the last answer fetched (see `analyst.ts`).
   */
  analystQuery(sql: string, maxRows: number): Promise<AnalystResult>;
  /**
   * Interrupts the console's query while the engine is producing its answer (the last statement runs
   * as a pending query the engine works on step by step). False when nothing could be interrupted:
   * another step of the console was running, or none at all.
   */
  cancelAnalystQuery(): Promise<boolean>;
  /** Releases the engine (terminates the worker in the browser). */
  close(): Promise<void>;
}

/** An engine error, with the SQL that failed. */
export class QueryError extends Error {
  readonly sql: string;

  constructor(sql: string, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'QueryError';
    this.sql = sql;
  }
}

/**
 * Settings every connection gets. Offline, DuckDB-WASM cannot download extensions: in the browser
 * autoloading fails with an error, in Node it hangs (../shared/STACK.md), so it is switched off.
 */
export const SESSION_SETTINGS = ['SET autoload_known_extensions = false', 'SET autoinstall_known_extensions = false'];

/** Open options: DECIMAL and BIGINT come back as plain numbers, not scaled integers or BigInt. */
export const OPEN_CONFIG = { query: { castBigIntToDouble: true, castDecimalToDouble: true } };

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number>, plain);
  const v = value as { toArray?: () => unknown; toJSON?: () => unknown };
  if (typeof v.toArray === 'function') return Array.from(v.toArray() as Iterable<unknown>, plain);
  if (typeof v.toJSON === 'function') {
    const json = v.toJSON() as Record<string, unknown>;
    return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, plain(x)]));
  }
  return value;
}

/** What rows are read from: an Arrow table or one record batch (DuckDB-WASM's stream hands over batches). */
export type ArrowRows = Pick<Table, 'schema' | 'numRows' | 'getChildAt'>;

/**
 * Converts an Arrow result table to plain rows (lists to arrays, structs to objects, BigInt to number).
 * @param limit at most this many rows
 */
export function arrowToRows<T extends Row = Row>(table: ArrowRows, limit = Number.POSITIVE_INFINITY): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((_, i) => table.getChildAt(i));
  const rows: T[] = [];
  const n = Math.min(table.numRows, limit);
  for (let r = 0; r < n; r++) {
    const row: Row = {};
    names.forEach((n, i) => {
      row[n] = plain(columns[i]?.get(r) ?? null);
    });
    rows.push(row as T);
  }
  return rows;
}
