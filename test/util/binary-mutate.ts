/**
 * A seeded mutation generator over binary documents (.docx, .xlsx, .xls, .pdf), for the extraction
 * fuzz suite: bytes cut, flipped or overwritten anywhere, and damage that gets past each container
 * to the parser behind it — ZIP entries shuffled, doubled, dropped or lying about their size, a
 * well-formed ZIP holding damaged, garbage or deeply nested XML, an OLE file whose sector chain
 * loops or whose Workbook stream is damaged, a PDF without xref or trailer, with wrong stream
 * lengths, a damaged content stream, deep nesting or a page tree that contains itself. The same
 * kind, source and seed always give the same bytes, so a failure is replayed by kind and seed.
 */
import { Buffer } from 'node:buffer';
import { crc32, deflateRawSync, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { createRandom, type Random } from '../../src/render';

/** The binary formats the suite damages. */
export type BinaryFormat = 'docx' | 'xlsx' | 'xls' | 'pdf';

/** Damage any file can suffer. */
const COMMON_KINDS = [
  'empty',
  'one-byte',
  'truncate-half',
  'truncate-random',
  'flip-1',
  'flip-10',
  'flip-100',
  'overwrite-run',
  'random-bytes',
  'magic-then-random',
] as const;

const ZIP_KINDS = [
  'truncate-central-dir',
  'truncate-entry',
  'zip-shuffle',
  'zip-duplicate',
  'zip-drop-entry',
  'zip-size-lie',
  'zip-entry-flip',
  'zip-main-damaged',
  'zip-part-damaged',
  'zip-main-garbage',
  'zip-main-deep',
] as const;

const XLSX_KINDS = ['xlsx-far-cell'] as const;

const OLE_KINDS = ['ole-fat-loop', 'ole-dir-size', 'xls-stream-flip', 'xls-record-length', 'xls-far-cell'] as const;

const PDF_KINDS = [
  'pdf-no-xref',
  'pdf-no-trailer',
  'pdf-xref-garbled',
  'pdf-truncate-xref',
  'pdf-stream-length',
  'pdf-stream-damaged',
  'pdf-deep-nesting',
  'pdf-page-loop',
] as const;

export type BinaryMutationKind =
  | (typeof COMMON_KINDS)[number]
  | (typeof ZIP_KINDS)[number]
  | (typeof XLSX_KINDS)[number]
  | (typeof OLE_KINDS)[number]
  | (typeof PDF_KINDS)[number];

/** The mutation kinds that apply to a format: the common ones, then the container's and the format's own. */
export const BINARY_MUTATION_KINDS: Record<BinaryFormat, readonly BinaryMutationKind[]> = {
  docx: [...COMMON_KINDS, ...ZIP_KINDS],
  xlsx: [...COMMON_KINDS, ...ZIP_KINDS, ...XLSX_KINDS],
  xls: [...COMMON_KINDS, ...OLE_KINDS],
  pdf: [...COMMON_KINDS, ...PDF_KINDS],
};

const MAGIC: Record<BinaryFormat, number[]> = {
  docx: [0x50, 0x4b, 0x03, 0x04],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
  xls: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  pdf: [...'%PDF-1.6\n'].map((c) => c.charCodeAt(0)),
};

function randomBytes(rnd: Random, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rnd.int(0, 255));
}

function flip(bytes: Uint8Array, rnd: Random, n: number, from = 0, to = bytes.length): Uint8Array {
  const out = bytes.slice();
  if (to <= from) return out;
  for (let i = 0; i < n; i++) {
    const at = rnd.int(from, to - 1);
    out[at] = (out[at] ?? 0) ^ rnd.int(1, 255);
  }
  return out;
}

function overwriteRun(bytes: Uint8Array, rnd: Random): Uint8Array {
  const out = bytes.slice();
  const length = Math.min(bytes.length, rnd.pick([4, 16, 64, 512, 4096]));
  const at = rnd.int(0, bytes.length - length);
  const fill = rnd.chance(0.3) ? new Uint8Array(length).fill(rnd.pick([0, 0xff, 0x20])) : randomBytes(rnd, length);
  out.set(fill, at);
  return out;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** Text damage of one of a few sorts: a range cut out, a range doubled, characters flipped, or a cut end. */
function damageText(text: string, rnd: Random): string {
  const at = rnd.int(0, text.length);
  const span = rnd.int(1, Math.max(1, Math.min(2000, text.length - at)));
  switch (rnd.int(0, 3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + span);
    case 1:
      return text.slice(0, at + span) + text.slice(at, at + span) + text.slice(at + span);
    case 2: {
      const chars = [...text];
      for (let i = 0; i < 20; i++)
        chars[rnd.int(0, chars.length - 1)] = rnd.pick(['<', '>', '"', '&', '/', '=', '\u0000', ' ', 'x', '\uffff']);
      return chars.join('');
    }
    default:
      return text.slice(0, at);
  }
}

/** Tag soup: the names of the real part's elements with unbalanced tags, quotes, entities, comments and CDATA. */
function garbageXml(real: string, rnd: Random): string {
  const names = [...new Set(real.match(/<[\w:]+/g) ?? ['<a'])].map((t) => t.slice(1));
  const parts: string[] = [rnd.chance(0.5) ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' : ''];
  const n = rnd.int(50, 2000);
  for (let i = 0; i < n; i++) {
    const name = rnd.pick(names);
    parts.push(
      rnd.pick([
        `<${name}>`,
        `</${name}>`,
        `<${name} r="${rnd.int(-5, 1 << 20)}" val="x">`,
        `<${name}/>`,
        `<${name} a="unclosed>`,
        '&amp;',
        '&bogus;',
        '&#xFFFFFFFF;',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '<',
        '>',
        '项目编码',
        `${rnd.next()}`,
      ]),
    );
  }
  return parts.join('');
}

/** A deeply nested element in the vocabulary of the part, closed or not; a few MB at most. */
function deepXml(format: 'docx' | 'xlsx', rnd: Random): string {
  const depth = rnd.pick([1000, 10_000, 100_000]);
  const closed = rnd.chance(0.7);
  if (format === 'docx') {
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const [open, close] = rnd.pick([
      ['<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>'],
      ['<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>'],
      ['<w:p>', '</w:p>'],
      ['<w:hyperlink>', '</w:hyperlink>'],
    ]);
    const inner = '<w:p><w:r><w:t>项目编码</w:t></w:r></w:p>';
    return `<?xml version="1.0"?><w:document ${ns}><w:body>${open.repeat(depth)}${inner}${closed ? close.repeat(depth) : ''}</w:body></w:document>`;
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const [open, close] = rnd.pick([
    ['<sheets>', '</sheets>'],
    ['<a>', '</a>'],
    ['<sheet name="x" sheetId="1">', '</sheet>'],
  ]);
  return `<?xml version="1.0"?><workbook ${ns}>${open.repeat(depth)}${closed ? close.repeat(depth) : ''}</workbook>`;
}

// --- ZIP ---------------------------------------------------------------------------------------

/** One entry of a ZIP as stored: its compressed data and the header fields that describe it. */
export interface ZipEntry {
  name: string;
  method: number;
  data: Uint8Array;
  crc: number;
  size: number;
}

/** A ZIP read through its central directory, with where the entries' data and the directory lie. */
interface ZipLayout {
  entries: ZipEntry[];
  spans: { from: number; to: number }[];
  centralDir: { from: number; to: number };
}

function readZip(bytes: Uint8Array): ZipLayout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('binary-mutate: not a ZIP');
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const spans: { from: number; to: number }[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = latin1(bytes.subarray(p + 46, p + 46 + nameLen));
    const from = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({ name, method, data: bytes.slice(from, from + compSize), crc, size });
    spans.push({ from, to: from + compSize });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, spans, centralDir: { from: cdOffset, to: bytes.length } };
}

/** A ZIP of `entries` in their order, each header saying what the entry's fields say. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = fromLatin1(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, e.method, true);
    local.setUint16(12, 0x21, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.size, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, e.method, true);
    dir.setUint16(14, 0x21, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...chunks, ...central, new Uint8Array(end.buffer)]));
}

function entryText(e: ZipEntry): string {
  return utf8(e.method === 8 ? inflateRawSync(e.data) : e.data);
}

/** An entry holding `text`, deflated, with its true CRC and size. */
function textEntry(name: string, text: string): ZipEntry {
  const raw = Buffer.from(text, 'utf8');
  return { name, method: 8, data: new Uint8Array(deflateRawSync(raw)), crc: crc32(raw), size: raw.length };
}

const MAIN_PART: Record<'docx' | 'xlsx', string> = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' };

function mainIndex(format: 'docx' | 'xlsx', entries: ZipEntry[], rnd: Random): number {
  // The workbook is tiny; its sheets are where the cells are, so they count as main parts too.
  const names = format === 'xlsx' ? [MAIN_PART.xlsx, 'xl/worksheets/'] : [MAIN_PART.docx];
  const main = entries.flatMap((e, i) => (names.some((n) => e.name.startsWith(n)) ? [i] : []));
  return main.length > 0 ? rnd.pick(main) : rnd.int(0, entries.length - 1);
}

function mutateZip(format: 'docx' | 'xlsx', kind: BinaryMutationKind, bytes: Uint8Array, rnd: Random): Uint8Array {
  const zip = readZip(bytes);
  const entries = zip.entries.slice();
  const replace = (i: number, e: ZipEntry) => {
    entries[i] = e;
    return writeZip(entries);
  };
  switch (kind) {
    case 'truncate-central-dir':
      return bytes.slice(0, rnd.int(zip.centralDir.from, zip.centralDir.to - 1));
    case 'truncate-entry': {
      const span = rnd.pick(zip.spans.filter((s) => s.to > s.from));
      return bytes.slice(0, rnd.int(span.from, span.to - 1));
    }
    case 'zip-shuffle': {
      for (let i = entries.length - 1; i > 0; i--) {
        const j = rnd.int(0, i);
        [entries[i], entries[j]] = [entries[j] as ZipEntry, entries[i] as ZipEntry];
      }
      return writeZip(entries);
    }
    case 'zip-duplicate': {
      const i = rnd.chance(0.5) ? mainIndex(format, entries, rnd) : rnd.int(0, entries.length - 1);
      const e = entries[i] as ZipEntry;
      const copy = rnd.chance(0.5) ? e : textEntry(e.name, garbageXml(entryText(e), rnd));
      entries.splice(rnd.int(0, entries.length), 0, copy);
      return writeZip(entries);
    }
    case 'zip-drop-entry':
      entries.splice(rnd.chance(0.4) ? mainIndex(format, entries, rnd) : rnd.int(0, entries.length - 1), 1);
      return writeZip(entries);
    case 'zip-size-lie': {
      const i = rnd.chance(0.5) ? mainIndex(format, entries, rnd) : rnd.int(0, entries.length - 1);
      const e = entries[i] as ZipEntry;
      const size = rnd.pick([0, 1, e.size - 1, e.size + 1, e.size * 2, 0x7fffffff, 0xfffffffe]);
      return replace(i, { ...e, size, crc: rnd.chance(0.5) ? e.crc : rnd.int(0, 0xffffffff) >>> 0 });
    }
    case 'zip-entry-flip': {
      const i = mainIndex(format, entries, rnd);
      const e = entries[i] as ZipEntry;
      return replace(i, { ...e, data: flip(e.data, rnd, rnd.pick([1, 5, 50])) });
    }
    case 'zip-main-damaged': {
      const i = mainIndex(format, entries, rnd);
      const e = entries[i] as ZipEntry;
      return replace(i, textEntry(e.name, damageText(entryText(e), rnd)));
    }
    case 'zip-part-damaged': {
      const xml = entries.flatMap((e, i) => (/\.(xml|rels)$/.test(e.name) ? [i] : []));
      const i = rnd.pick(xml);
      const e = entries[i] as ZipEntry;
      return replace(i, textEntry(e.name, damageText(entryText(e), rnd)));
    }
    case 'zip-main-garbage': {
      const i = mainIndex(format, entries, rnd);
      const e = entries[i] as ZipEntry;
      return replace(i, textEntry(e.name, garbageXml(entryText(e), rnd)));
    }
    case 'zip-main-deep': {
      const i = entries.findIndex((e) => e.name === MAIN_PART[format]);
      return replace(i, textEntry(MAIN_PART[format], deepXml(format, rnd)));
    }
    case 'xlsx-far-cell': {
      const sheets = entries.flatMap((e, i) => (e.name.startsWith('xl/worksheets/') ? [i] : []));
      const i = rnd.pick(sheets);
      const e = entries[i] as ZipEntry;
      const far = rnd.pick(['XFD1048576', 'A1048576', 'XFD1', 'ZZZ99999', 'AAAA1', 'A0', 'A99999999']);
      const refs = entryText(e).match(/ r="[A-Z]+\d+"/g) ?? [];
      const target = rnd.pick(refs.filter((r) => /\d/.test(r)));
      let text = entryText(e).replace(target, ` r="${far}"`);
      if (rnd.chance(0.5)) text = text.replace(/<dimension ref="[^"]*"/, `<dimension ref="A1:${far}"`);
      return replace(i, textEntry(e.name, text));
    }
    default:
      throw new Error(`binary-mutate: ${kind} is not a ZIP mutation`);
  }
}

// --- OLE (.xls) --------------------------------------------------------------------------------

/** The Workbook stream's BIFF records with a change applied, written back into a well-formed OLE file. */
function withWorkbookStream(bytes: Uint8Array, change: (stream: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
  if (!entry?.content) throw new Error('binary-mutate: no Workbook stream');
  entry.content = change(Uint8Array.from(entry.content as ArrayLike<number>)) as unknown as typeof entry.content;
  entry.size = (entry.content as unknown as Uint8Array).length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** Offsets of the BIFF records of a stream whose type is in `types` (all records when `types` is empty). */
function biffRecords(stream: Uint8Array, types: number[] = []): number[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const out: number[] = [];
  for (let p = 0; p + 4 <= stream.length; p += 4 + view.getUint16(p + 2, true))
    if (types.length === 0 || types.includes(view.getUint16(p, true))) out.push(p);
  return out;
}

/** BIFF8 cell records: LABELSST, LABEL, NUMBER, RK, BLANK, MULRK, MULBLANK, FORMULA. */
const CELL_RECORDS = [0x00fd, 0x0204, 0x0203, 0x027e, 0x0201, 0x00bd, 0x00be, 0x0006];

function mutateOle(kind: BinaryMutationKind, bytes: Uint8Array, rnd: Random): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const sectorSize = 1 << view.getUint16(30, true);
  const sectorAt = (n: number) => (n + 1) * sectorSize;
  switch (kind) {
    case 'ole-fat-loop': {
      // The first FAT sector's entries: point a sector to itself or to an earlier one, making a cycle.
      const fat = sectorAt(view.getUint32(76, true));
      const used: number[] = [];
      for (let n = 0; n < sectorSize / 4; n++) if (view.getUint32(fat + 4 * n, true) < 0xfffffffa) used.push(n);
      const n = rnd.pick(used.length > 0 ? used : [0]);
      view.setUint32(fat + 4 * n, rnd.chance(0.5) ? n : rnd.int(0, n), true);
      return out;
    }
    case 'ole-dir-size': {
      // Directory entries are 128 bytes; the stream size is at +120. Entry 0 is the root.
      const dir = sectorAt(view.getUint32(48, true));
      const entry = rnd.int(0, sectorSize / 128 - 1);
      view.setUint32(dir + entry * 128 + 120, rnd.pick([0, 1, 4095, 4097, 0x7fffffff, 0xffffffff]), true);
      if (rnd.chance(0.5)) view.setUint32(dir + entry * 128 + 116, rnd.pick([0, 1, 0xfffffffe, 0x7fffffff]), true);
      return out;
    }
    case 'xls-stream-flip':
      return withWorkbookStream(bytes, (s) => flip(s, rnd, rnd.pick([1, 10, 100])));
    case 'xls-record-length':
      return withWorkbookStream(bytes, (s) => {
        const r = s.slice();
        const v = new DataView(r.buffer);
        const records = biffRecords(r);
        for (let i = 0; i < rnd.int(1, 3); i++)
          v.setUint16(rnd.pick(records) + 2, rnd.pick([0, 1, 2, 3, 8220, 0xffff, rnd.int(0, 300)]), true);
        return r;
      });
    case 'xls-far-cell':
      return withWorkbookStream(bytes, (s) => {
        const r = s.slice();
        const v = new DataView(r.buffer);
        const cells = biffRecords(r, CELL_RECORDS);
        for (let i = 0; i < rnd.int(1, 3); i++) {
          const p = rnd.pick(cells);
          if (rnd.chance(0.7)) v.setUint16(p + 4, rnd.pick([0xffff, 65535, 30000]), true);
          if (rnd.chance(0.7)) v.setUint16(p + 6, rnd.pick([0xff, 0x3fff, 0xffff]), true);
        }
        return r;
      });
    default:
      throw new Error(`binary-mutate: ${kind} is not an OLE mutation`);
  }
}

// --- PDF ---------------------------------------------------------------------------------------

/** The streams of a PDF: where each one's data lies and its dictionary. */
function pdfStreams(pdf: string): { dict: string; dictAt: number; from: number; to: number }[] {
  const out: { dict: string; dictAt: number; from: number; to: number }[] = [];
  const re = /\d+\s+\d+\s+obj\s*(<<(?:(?!endobj)[\s\S])*?>>)\s*stream\r?\n/g;
  for (let m = re.exec(pdf); m; m = re.exec(pdf)) {
    const dict = m[1] ?? '';
    const from = m.index + m[0].length;
    const end = pdf.indexOf('endstream', from);
    if (end < 0) break;
    let to = end;
    if (pdf[to - 1] === '\n') to--;
    if (pdf[to - 1] === '\r') to--;
    out.push({ dict, dictAt: m.index + m[0].indexOf(dict), from, to: Math.max(from, to) });
    re.lastIndex = end;
  }
  return out;
}

/** Sets `/Length` of the stream whose dictionary is at `dictAt` to `length`, direct or through its object. */
function setLength(pdf: string, dict: string, dictAt: number, length: number): string {
  const ref = /\/Length\s+(\d+)\s+0\s+R/.exec(dict);
  if (ref) return pdf.replace(new RegExp(`(\\n${ref[1]} 0 obj\\s*)\\d+`), `$1${length}`);
  const direct = dict.replace(/\/Length\s+\d+/, `/Length ${length}`);
  return pdf.slice(0, dictAt) + direct + pdf.slice(dictAt + dict.length);
}

function mutatePdf(kind: BinaryMutationKind, bytes: Uint8Array, rnd: Random): Uint8Array {
  const pdf = latin1(bytes);
  const xref = pdf.lastIndexOf('\nxref');
  const trailer = pdf.lastIndexOf('trailer');
  switch (kind) {
    case 'pdf-no-xref':
      return fromLatin1(pdf.slice(0, xref + 1) + pdf.slice(trailer));
    case 'pdf-no-trailer':
      return fromLatin1(
        rnd.chance(0.5) ? pdf.slice(0, trailer) : pdf.slice(0, trailer) + pdf.slice(pdf.lastIndexOf('%%EOF')),
      );
    case 'pdf-xref-garbled': {
      const table = pdf.slice(xref, trailer);
      const garbled = table.replace(/\n(\d{10}) (\d{5}) n/g, (line, offset: string, gen: string) => {
        if (!rnd.chance(0.3)) return line;
        const bad = rnd.pick([0, Number(offset) + rnd.int(-50, 50), rnd.int(0, pdf.length), 9_999_999_999]);
        return `\n${String(Math.max(0, bad)).padStart(10, '0').slice(-10)} ${gen} ${rnd.pick(['n', 'f', 'x'])}`;
      });
      return fromLatin1(pdf.slice(0, xref) + garbled + pdf.slice(trailer));
    }
    case 'pdf-truncate-xref':
      return bytes.slice(0, rnd.int(xref, bytes.length - 1));
    case 'pdf-stream-length': {
      let out = pdf;
      const streams = pdfStreams(pdf);
      for (let i = 0; i < rnd.int(1, 4); i++) {
        const s = rnd.pick(streams);
        const length = s.to - s.from;
        const bad = rnd.pick([0, 1, length - 7, length + 7, length * 2, 99_999_999, -5]);
        out = setLength(out, s.dict, s.dictAt, bad);
      }
      return fromLatin1(out);
    }
    case 'pdf-stream-damaged': {
      const s = rnd.pick(pdfStreams(pdf));
      const raw = bytes.subarray(s.from, s.to);
      const flate = s.dict.includes('/FlateDecode');
      let content: Uint8Array;
      try {
        content = flate ? new Uint8Array(inflateSync(raw)) : raw;
      } catch {
        content = raw;
      }
      const damaged = rnd.chance(0.5)
        ? fromLatin1(damageText(latin1(content), rnd))
        : flip(content, rnd, rnd.pick([1, 10, 100]));
      const data = latin1(flate ? new Uint8Array(deflateSync(damaged)) : damaged);
      const spliced = pdf.slice(0, s.from) + data + pdf.slice(s.to);
      return fromLatin1(setLength(spliced, s.dict, s.dictAt, data.length));
    }
    case 'pdf-deep-nesting': {
      const depth = rnd.pick([1000, 10_000, 100_000]);
      const [open, close] = rnd.pick([
        ['[', ']'],
        ['<<', '>>'],
        ['<</A ', '>>'],
      ]);
      const deep = `/Deep ${open.repeat(depth)}${rnd.chance(0.7) ? close.repeat(depth) : ''}`;
      const at = pdf.search(rnd.chance(0.5) ? /\/Type\s*\/Page\b/ : /\/Type\s*\/Catalog/);
      return fromLatin1(`${pdf.slice(0, Math.max(0, at))}${deep}${pdf.slice(Math.max(0, at))}`);
    }
    case 'pdf-page-loop': {
      // Pages lists itself (or the catalog, or its parent) among its kids.
      const m = /\n(\d+) 0 obj\s*<<\s*\/Type\s*\/Pages/.exec(pdf);
      const self = m?.[1] ?? '1';
      const root = /\/Root\s+(\d+)/.exec(pdf)?.[1] ?? self;
      const loop = rnd.pick([self, self, root]);
      return fromLatin1(pdf.replace(/\/Kids\s*\[\s*\d+ 0 R/, `/Kids[ ${loop} 0 R`));
    }
    default:
      throw new Error(`binary-mutate: ${kind} is not a PDF mutation`);
  }
}

/**
 * The bytes of `source` (a well-formed file of `format`) damaged by `kind`, the same for the same seed.
 * @param seed any integer; each seed picks its own places and amounts
 */
export function mutateBinary(
  format: BinaryFormat,
  source: Uint8Array,
  kind: BinaryMutationKind,
  seed: number,
): Uint8Array {
  const rnd = createRandom(seed);
  switch (kind) {
    case 'empty':
      return new Uint8Array(0);
    case 'one-byte':
      return source.slice(0, 1);
    case 'truncate-half':
      return source.slice(0, source.length >> 1);
    case 'truncate-random':
      return source.slice(0, rnd.int(1, source.length - 1));
    case 'flip-1':
      return flip(source, rnd, 1);
    case 'flip-10':
      return flip(source, rnd, 10);
    case 'flip-100':
      return flip(source, rnd, 100);
    case 'overwrite-run':
      return overwriteRun(source, rnd);
    case 'random-bytes':
      return randomBytes(rnd, rnd.int(1, Math.min(source.length, 65536)));
    case 'magic-then-random': {
      const magic = MAGIC[format];
      const out = randomBytes(rnd, rnd.int(magic.length, Math.min(source.length, 65536)));
      out.set(magic);
      return out;
    }
  }
  if (format === 'docx' || format === 'xlsx') return mutateZip(format, kind, source, rnd);
  if (format === 'xls') return mutateOle(kind, source, rnd);
  return mutatePdf(kind, source, rnd);
}
