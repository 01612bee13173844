import { Bool, Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import type { RecordRow, Records } from './records';
import { type ColumnType, TABLES, type TableName, tableSpec } from './schema';

const encoder = new TextEncoder();

/** Validity bitmap of `values` (bit set: not null), padded to 8 bytes, and the number of nulls. */
function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(((values.length + 63) >> 6) << 3);
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null) nulls++;
    else bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
  }
  return { bitmap, nulls };
}

/** UTF-8 bytes of the strings and their offsets, written into one buffer. */
function utf8(values: readonly unknown[]): { data: Uint8Array; offsets: Int32Array } {
  let capacity = 0;
  for (const v of values) if (v !== null) capacity += String(v).length * 3;
  const data = new Uint8Array(capacity);
  const offsets = new Int32Array(values.length + 1);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    offsets[i] = at;
    const v = values[i];
    if (v !== null) at += encoder.encodeInto(String(v), data.subarray(at)).written;
  }
  offsets[values.length] = at;
  return { data: data.subarray(0, at), offsets };
}

/**
 * One column as an Arrow vector, its buffers written directly (Arrow's builders, value by value,
 * took longer than parsing at ingest, and compile their null test with `new Function`, which the
 * page's Content-Security-Policy forbids).
 */
function vectorOf(values: readonly unknown[], type: ColumnType): Vector {
  const length = values.length;
  const { bitmap, nulls } = validity(values);
  const nullBitmap = nulls ? bitmap : undefined;
  switch (type) {
    case 'VARCHAR': {
      const { data, offsets } = utf8(values);
      return makeVector(
        makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap, valueOffsets: offsets, data }),
      );
    }
    case 'INTEGER':
      return makeVector(
        makeData({
          type: new Int32(),
          length,
          nullCount: nulls,
          nullBitmap,
          data: Int32Array.from(values, (v) => Number(v ?? 0)),
        }),
      );
    case 'DOUBLE':
      return makeVector(
        makeData({
          type: new Float64(),
          length,
          nullCount: nulls,
          nullBitmap,
          data: Float64Array.from(values, (v) => Number(v ?? 0)),
        }),
      );
    case 'BOOLEAN': {
      const bits = new Uint8Array(bitmap.byteLength);
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
      });
      return makeVector(makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap, data: bits }));
    }
  }
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
    vectors[c.name] = vectorOf(values, c.type);
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
