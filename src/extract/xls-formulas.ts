type Xlsx = typeof import('@e965/xlsx');

/**
 * BIFF5/8 records whose SheetJS reader parses a formula, and the offset of the formula's length (cce)
 * in the record: FORMULA (and its BIFF3/4 ids), ARRAY, SHRFMLA and NAME (Lbl).
 */
const FORMULA_LENGTH_AT = new Map<number, number>([
  [0x0006, 20],
  [0x0206, 20],
  [0x0406, 20],
  [0x0021, 12],
  [0x0221, 12],
  [0x04bc, 8],
  [0x0018, 4],
  [0x0218, 4],
]);

/**
 * An .xls (OLE) file with every formula's parsed expression emptied: each formula record's length
 * field set to 0 (the record padded when it is too short to hold it); values, including the cached
 * results of formulas, stay. SheetJS 0.20.3's `parse_Rgce` loops `while (target != blob.l)`, and a
 * formula record cut short or damaged makes both NaN, so `XLSX.read` never returns on it (a
 * synchronous loop no timeout can stop). Extraction reads values only (`cellFormula: false`), so
 * nothing is lost. Returns `bytes` itself when there is no formula record or no Workbook stream.
 * Throws what SheetJS's OLE reader throws on a damaged container.
 */
export function withoutFormulas(XLSX: Xlsx, bytes: Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  const entry = XLSX.CFB.find(cfb, '/Workbook') ?? XLSX.CFB.find(cfb, '/Book');
  if (!entry?.content) return bytes;
  const stream = Uint8Array.from(entry.content as ArrayLike<number>);
  const view = new DataView(stream.buffer);
  const records: Uint8Array[] = [];
  let changed = false;
  let p = 0;
  for (; p + 4 <= stream.length; p += 4 + view.getUint16(p + 2, true)) {
    const type = view.getUint16(p, true);
    const length = view.getUint16(p + 2, true);
    // After FilePass the records are encrypted: left as they are, for SheetJS to refuse or decrypt.
    if (type === 0x002f) return bytes;
    const at = FORMULA_LENGTH_AT.get(type);
    if (at === undefined) {
      records.push(stream.subarray(p, p + 4 + length));
      continue;
    }
    const record = new Uint8Array(4 + Math.max(length, at + 2));
    record.set(stream.subarray(p, p + 4 + length));
    new DataView(record.buffer).setUint16(2, record.length - 4, true);
    record[4 + at] = 0;
    record[4 + at + 1] = 0;
    records.push(record);
    changed = true;
  }
  if (!changed) return bytes;
  records.push(stream.subarray(p));
  const content = new Uint8Array(records.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of records) {
    content.set(r, at);
    at += r.length;
  }
  entry.content = content as unknown as typeof entry.content;
  entry.size = content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}
