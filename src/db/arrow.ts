import { Bool, type DataType, Float64, Int32, makeBuilder, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import type { RecordRow, Records } from './records';
import { type ColumnType, TABLES, type TableName, tableSpec } from './schema';

const ARROW_TYPES: Record<ColumnType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
};

/**
 * One column as an Arrow vector. Arrow's builders compile their null test with `new Function` when
 * given null values (its default), which the page's Content-Security-Policy forbids (no eval); so the
 * builder gets none and a plain null test instead.
 */
function vectorOf(values: readonly unknown[], type: DataType): Vector {
  const builder = makeBuilder({ type, nullValues: [] });
  builder.isValid = (value: unknown) => value !== null;
  for (const v of values) builder.append(v);
  return builder.finish().toVector();
}

/** An Arrow table of `rows` with the given columns, typed by their SQL types (so empty tables keep their columns). */
export function rowsToArrow(
  columns: readonly { name: string; type: ColumnType }[],
  rows: readonly Record<string, unknown>[],
): Table {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values = rows.map((r) => {
      const v = r[c.name];
      return v === undefined ? null : v;
    });
    vectors[c.name] = vectorOf(values, ARROW_TYPES[c.type]());
  }
  return new Table(vectors);
}

/** Builds the Arrow table of `name` from its rows, typed by the schema. */
export function toArrowTable(name: TableName, rows: readonly RecordRow[]): Table {
  return rowsToArrow(tableSpec(name).columns, rows);
}

/**
 * Every table as Arrow IPC stream bytes. DuckDB-WASM gets bytes, not Arrow objects: a second copy of
 * apache-arrow would make `insertArrowTable` silently load nothing (../shared/STACK.md).
 */
export function toArrowIPC(records: Records): Record<TableName, Uint8Array> {
  const out = {} as Record<TableName, Uint8Array>;
  for (const t of TABLES) out[t.name] = tableToIPC(toArrowTable(t.name, records[t.name]), 'stream');
  return out;
}

/** Arrow's end-of-stream marker. */
export const IPC_EOS = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

/**
 * The messages of an Arrow IPC stream without its end-of-stream marker, and without its leading
 * schema message unless `withSchema`: what goes into one stream made of several of one schema.
 */
export function ipcStreamBody(ipc: Uint8Array, withSchema: boolean): Uint8Array {
  const view = new DataView(ipc.buffer, ipc.byteOffset, ipc.byteLength);
  if (ipc.byteLength < 8 || view.getUint32(0, true) !== 0xffffffff) throw new Error('not an Arrow IPC stream');
  const schemaEnd = 8 + view.getInt32(4, true);
  const end = ipc.byteLength - (view.getUint32(ipc.byteLength - 8, true) === 0xffffffff ? 8 : 0);
  return ipc.subarray(withSchema ? 0 : schemaEnd, end);
}

/** Several Arrow IPC streams of one schema (partition files of a table) as one stream. */
export function concatIpcStreams(parts: readonly Uint8Array[]): Uint8Array {
  const bodies = parts.map((p, i) => ipcStreamBody(p, i === 0));
  const out = new Uint8Array(bodies.reduce((n, b) => n + b.byteLength, IPC_EOS.byteLength));
  let at = 0;
  for (const b of bodies) {
    out.set(b, at);
    at += b.byteLength;
  }
  out.set(IPC_EOS, at);
  return out;
}
