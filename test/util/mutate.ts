/**
 * A seeded mutation generator over document text, for the parser's fuzz suite: each mutation kind
 * damages a document the way real extractions and files do (lines lost or doubled, files cut short,
 * cells out of order, bytes flipped, encodings mixed, runaway lines, invisible characters, headers
 * repeated by a broken page-break loop). The same kind and seed always give the same text, so a
 * failure is reported, and replayed, by kind and seed.
 */
import iconv from 'iconv-lite';
import { decodeText } from '../../src/data/decode';
import { createRandom, type Random } from '../../src/render';

export const MUTATION_KINDS = [
  'delete-lines',
  'duplicate-lines',
  'swap-lines',
  'truncate-header',
  'truncate-row',
  'truncate-number',
  'truncate-line-boundary',
  'truncate-bytes',
  'shuffle-cells',
  'random-bytes',
  'mixed-encoding',
  'long-line',
  'control-chars',
  'repeated-header',
  'many-indicator-rows',
  'broken-markup',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

/** A mutated text and what the mutation did to the lines of the original. */
export interface Mutant {
  kind: MutationKind;
  seed: number;
  text: string;
  /**
   * 1-based lines of the original whose text did not reach the mutant unchanged and in place
   * (removed, cut, moved, doubled or written into); null when the whole text went through bytes and
   * no line can be vouched for.
   */
  damaged: Set<number> | null;
}

type Mutator = (lines: string[], rnd: Random) => { lines: string[]; damaged: Set<number> | null } | string;

/** Lines that belong to a 绩效目标表 (its header area or an indicator row), told by their labels or cells. */
const TABLE_LINE = /项目编码|项目名称|预算数|资金支出|绩效目标|指标|\t|\||<t[dr]/;
const HEADER_LINE = /项目编码|项目名称|一级指标|二级指标|三级指标|绩效目标表|预算数|资金支出计划/;
const INDICATOR_HEADER = /一级指标|三级指标/;

/** Indices of lines matching `re`, or every index when none does (so a mutation always has a target). */
function indicesOf(lines: string[], re: RegExp): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (re.test(l)) out.push(i);
  });
  return out.length > 0 ? out : lines.map((_, i) => i);
}

function range(from: number, to: number): Set<number> {
  const s = new Set<number>();
  for (let i = from; i <= to; i++) s.add(i);
  return s;
}

/** Cuts the text after line `i` (0-based) at character `at`; lines from there on are damaged. */
function cutAt(lines: string[], i: number, at: number) {
  const kept = lines.slice(0, i);
  kept.push((lines[i] ?? '').slice(0, at));
  return { lines: kept, damaged: range(i + 1, lines.length) };
}

/** A run of `n` characters drawn from `alphabet`. */
function run(rnd: Random, alphabet: readonly string[], n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += rnd.pick(alphabet);
  return s;
}

const deleteLines: Mutator = (lines, rnd) => {
  const out = [...lines];
  const damaged = new Set<number>();
  // Mostly a line or two; sometimes a whole stretch (a lost page).
  const n = rnd.chance(0.2) ? rnd.int(5, 60) : rnd.int(1, 3);
  const target = rnd.chance(0.7) ? rnd.pick(indicesOf(lines, TABLE_LINE)) : rnd.int(0, lines.length - 1);
  const from = Math.max(0, Math.min(target, lines.length - n));
  const removed = out.splice(from, n);
  removed.forEach((_, k) => {
    damaged.add(from + k + 1);
  });
  return { lines: out, damaged };
};

const duplicateLines: Mutator = (lines, rnd) => {
  const i = rnd.pick(indicesOf(lines, TABLE_LINE));
  const n = rnd.int(1, 4);
  const block = lines.slice(i, i + n);
  const times = rnd.int(1, 3);
  const out = [...lines.slice(0, i + n), ...Array.from({ length: times }, () => block).flat(), ...lines.slice(i + n)];
  return { lines: out, damaged: range(i + 1, lines.length) };
};

const swapLines: Mutator = (lines, rnd) => {
  const out = [...lines];
  const damaged = new Set<number>();
  for (let k = rnd.int(1, 3); k > 0; k--) {
    const i = rnd.pick(indicesOf(lines, TABLE_LINE));
    // A neighbour mostly (rows out of order), sometimes anywhere.
    const j = rnd.chance(0.7) ? Math.min(lines.length - 1, i + rnd.int(1, 3)) : rnd.int(0, lines.length - 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
    damaged.add(i + 1);
    damaged.add(j + 1);
  }
  return { lines: out, damaged };
};

/** Truncation inside a line matching `re`, at a random character of it. */
function truncateIn(re: RegExp): Mutator {
  return (lines, rnd) => {
    const i = rnd.pick(indicesOf(lines, re));
    return cutAt(lines, i, rnd.int(0, (lines[i] ?? '').length));
  };
}

const truncateNumber: Mutator = (lines, rnd) => {
  const spots: [number, number][] = [];
  lines.forEach((l, i) => {
    for (const m of l.matchAll(/\d{2,}(\.\d+)?/g)) spots.push([i, (m.index ?? 0) + 1 + rnd.int(0, m[0].length - 2)]);
  });
  if (spots.length === 0) return cutAt(lines, lines.length - 1, 0);
  const [i, at] = rnd.pick(spots);
  return cutAt(lines, i, at);
};

/** Truncation at a line boundary inside a table (between its 项目编码 row and the next table). */
const truncateLineBoundary: Mutator = (lines, rnd) => {
  const tableLines = indicesOf(lines, TABLE_LINE);
  const i = rnd.pick(tableLines);
  return { lines: lines.slice(0, i), damaged: range(i + 1, lines.length) };
};

const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'gbk'] as const;

/** The text's bytes in one encoding (with its BOM for UTF-16, as Windows writes them). */
function encode(text: string, encoding: (typeof ENCODINGS)[number], bom = encoding.startsWith('utf16')): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }));
}

/** Cut at a random byte of an encoding: mid-multibyte in UTF-8 and GBK, mid-surrogate or odd in UTF-16. */
const truncateBytes: Mutator = (lines, rnd) => {
  const bytes = encode(lines.join('\n'), rnd.pick(ENCODINGS));
  return decodeText(bytes.subarray(0, rnd.int(0, bytes.length)));
};

const SEPARATORS: [RegExp, string][] = [
  [/\t/, '\t'],
  [/\|/, '|'],
  [/<\/t[dh]>\s*<t[dh][^>]*>/, '</td><td>'],
  [/ {2,}/, '   '],
];

/** Cells of a few table rows put in another order, whatever separates them. */
const shuffleCells: Mutator = (lines, rnd) => {
  const out = [...lines];
  const damaged = new Set<number>();
  const rows = indicesOf(lines, /\t|\||<\/td>| {2,}/);
  for (let k = rnd.int(1, 6); k > 0; k--) {
    const i = rnd.pick(rows);
    const line = out[i] as string;
    const sep = SEPARATORS.find(([re]) => re.test(line));
    if (!sep) continue;
    const cells = line.split(sep[0]);
    for (let a = cells.length - 1; a > 0; a--) {
      const b = rnd.int(0, a);
      [cells[a], cells[b]] = [cells[b] as string, cells[a] as string];
    }
    out[i] = cells.join(sep[1]);
    damaged.add(i + 1);
  }
  return { lines: out, damaged };
};

/** Random bytes inserted into the UTF-8 bytes, then decoded as a file would be (invalid sequences appear). */
const randomBytes: Mutator = (lines, rnd) => {
  const bytes = encode(lines.join('\n'), 'utf8');
  const out: number[] = [];
  const spots = new Set<number>();
  for (let k = rnd.int(1, 40); k > 0; k--) spots.add(rnd.int(0, bytes.length));
  for (let i = 0; i <= bytes.length; i++) {
    if (spots.has(i)) for (let n = rnd.int(1, 8); n > 0; n--) out.push(rnd.int(0, 255));
    if (i < bytes.length) out.push(bytes[i] as number);
  }
  // Sometimes the text stays valid UTF-8 (bytes overwritten below 0x80 only): the parser sees control characters.
  if (rnd.chance(0.3)) return new TextDecoder().decode(new Uint8Array(out.map((b) => (b >= 0x80 ? b : b & 0x7f))));
  return decodeText(new Uint8Array(out));
};

/** Parts of the text in different encodings, BOMs in the middle, a UTF-16 half: one file, decoded once. */
const mixedEncoding: Mutator = (lines, rnd) => {
  const text = lines.join('\n');
  const parts: Uint8Array[] = [];
  if (rnd.chance(0.3)) parts.push(rnd.chance(0.5) ? new Uint8Array([0xef, 0xbb, 0xbf]) : new Uint8Array([0xff, 0xfe]));
  let at = 0;
  while (at < text.length) {
    const end = Math.min(text.length, at + rnd.int(200, 20000));
    let piece = encode(text.slice(at, end), rnd.pick(ENCODINGS), rnd.chance(0.5));
    // Half a UTF-16 unit, or a BOM on its own, in the middle.
    if (rnd.chance(0.2)) piece = piece.subarray(0, piece.length - 1);
    parts.push(piece);
    if (rnd.chance(0.2))
      parts.push(
        new Uint8Array(
          rnd.pick([
            [0xef, 0xbb, 0xbf],
            [0xff, 0xfe],
            [0xfe, 0xff],
          ]),
        ),
      );
    at = end;
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return decodeText(bytes);
};

const LONG_PIECES = [
  () => '项目'.repeat(5000),
  () => '9'.repeat(10000),
  () => `≥${'9'.repeat(9998)}%`,
  () => `${'1'.repeat(5000)}.${'0'.repeat(4999)}`,
  () => 'word '.repeat(2000),
  () => '1 2 '.repeat(2500),
  () => `${'数量指标 '.repeat(1000)}`,
  () => ' '.repeat(10000),
  () => '|'.repeat(10000),
  () => '\t'.repeat(10000),
  () => `${'<td>'.repeat(2500)}`,
  () => `${'长的单元格文字，'.repeat(1250)}`,
];

/** A 10,000-character line: a line of its own, replacing a line, or one cell of a table row made long. */
const longLine: Mutator = (lines, rnd) => {
  const out = [...lines];
  const i = rnd.pick(indicesOf(lines, TABLE_LINE));
  const piece = rnd.pick(LONG_PIECES)();
  const how = rnd.int(0, 2);
  if (how === 0) out.splice(i, 0, piece);
  else if (how === 1) out[i] = piece;
  else {
    const line = out[i] as string;
    const at = rnd.int(0, line.length);
    out[i] = line.slice(0, at) + piece + line.slice(at);
  }
  return { lines: out, damaged: range(i + 1, lines.length) };
};

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u000b',
  '\u000c',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2028',
  '\u2029',
  '\u3000',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
];

/** Control characters, NUL, bidi marks, zero-width characters and lone surrogates sprinkled into lines. */
const controlChars: Mutator = (lines, rnd) => {
  const out = [...lines];
  const damaged = new Set<number>();
  for (let k = rnd.int(1, 60); k > 0; k--) {
    const i = rnd.chance(0.8) ? rnd.pick(indicesOf(lines, TABLE_LINE)) : rnd.int(0, lines.length - 1);
    const line = out[i] as string;
    const at = rnd.int(0, line.length);
    out[i] = line.slice(0, at) + run(rnd, CONTROL, rnd.int(1, 3)) + line.slice(at);
    damaged.add(i + 1);
  }
  return { lines: out, damaged };
};

/** The indicator header or a table title repeated hundreds of times, together or scattered. */
const repeatedHeader: Mutator = (lines, rnd) => {
  const heads = indicesOf(lines, rnd.chance(0.5) ? INDICATOR_HEADER : HEADER_LINE);
  const i = rnd.pick(heads);
  const line = lines[i] as string;
  const times = rnd.int(100, 800);
  const out = [...lines];
  if (rnd.chance(0.5)) out.splice(i, 0, ...Array<string>(times).fill(line));
  else for (let k = 0; k < times; k++) out.splice(rnd.int(0, out.length), 0, line);
  return { lines: out, damaged: range(i + 1, lines.length) };
};

/** One indicator row (a line after an indicator header) repeated up to a thousand times. */
const manyIndicatorRows: Mutator = (lines, rnd) => {
  const head = rnd.pick(indicesOf(lines, INDICATOR_HEADER));
  const i = Math.min(lines.length - 1, head + rnd.int(1, 6));
  const out = [...lines];
  out.splice(i, 0, ...Array<string>(rnd.int(200, 1000)).fill(lines[i] as string));
  return { lines: out, damaged: range(i + 1, lines.length) };
};

const MARKUP = [
  '<!--',
  '<td',
  '<tr>',
  '</table>',
  '<table>',
  '&#x',
  '&#99999999999;',
  '<td colspan=9999>',
  '<',
  '&',
  '<!',
];

/** Unclosed comments, tags and entities, the markup a cut or mangled HTML export leaves. */
const brokenMarkup: Mutator = (lines, rnd) => {
  const out = [...lines];
  const i = rnd.int(0, lines.length - 1);
  const line = out[i] as string;
  const at = rnd.int(0, line.length);
  const piece = rnd.chance(0.3) ? rnd.pick(MARKUP).repeat(rnd.int(100, 3000)) : run(rnd, MARKUP, rnd.int(1, 50));
  out[i] = line.slice(0, at) + piece + line.slice(at);
  return { lines: out, damaged: range(i + 1, lines.length) };
};

const MUTATORS: Record<MutationKind, Mutator> = {
  'delete-lines': deleteLines,
  'duplicate-lines': duplicateLines,
  'swap-lines': swapLines,
  'truncate-header': truncateIn(HEADER_LINE),
  'truncate-row': truncateIn(/\t|\||<td|[≥≤]|\d+%/),
  'truncate-number': truncateNumber,
  'truncate-line-boundary': truncateLineBoundary,
  'truncate-bytes': truncateBytes,
  'shuffle-cells': shuffleCells,
  'random-bytes': randomBytes,
  'mixed-encoding': mixedEncoding,
  'long-line': longLine,
  'control-chars': controlChars,
  'repeated-header': repeatedHeader,
  'many-indicator-rows': manyIndicatorRows,
  'broken-markup': brokenMarkup,
};

/**
 * Applies one mutation of `kind` to `text`, deterministically for `seed`.
 * @param text the document's text (lines split at \n; \r is kept as a character of its line)
 */
export function mutate(text: string, kind: MutationKind, seed: number): Mutant {
  const mutator = MUTATORS[kind];
  if (!mutator) throw new Error(`invalid mutation kind: ${String(kind)}`);
  const lines = text.split('\n');
  const out = mutator(lines, createRandom(seed));
  if (typeof out === 'string') return { kind, seed, text: out, damaged: null };
  return { kind, seed, text: out.lines.join('\n'), damaged: out.damaged };
}
