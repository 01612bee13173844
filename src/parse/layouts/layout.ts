import { isWhitespace } from '../normalize';

/** One row of a layout's reading: table cells (grid layouts) or a line's fragments (text layouts). */
export interface Row {
  /** Cell texts in reading order; an empty array is a blank line. */
  cells: string[];
  /** Display column where each cell starts (aligned layouts only). */
  cols?: number[];
  /** 1-based source line. */
  line: number;
}

/**
 * How a layout's indicator rows are read:
 * - `grid`: rows are table rows, cells sit in the header's columns (merged cells blank);
 * - `stream`: rows are text lines holding fragments of cells broken over lines (PDF text);
 * - `aligned`: rows are text lines whose cells are placed by display column (pdftotext -layout).
 */
export type RowReader = 'grid' | 'stream' | 'aligned';

/** A layout family: how to recognise it and how to turn its text into rows. */
export interface Layout {
  id: string;
  reader: RowReader;
  /** Confidence that `lines` are in this layout; the highest score wins. */
  detect(lines: string[]): number;
  /**
   * Rows of the document; `lines` is `text` already split with {@link splitLines} (line-based
   * layouts read it, html reads `text`).
   */
  rows(text: string, lines: readonly string[]): Row[];
}

/**
 * `s.split(sep).map((c) => c.trim())` with one string made per cell instead of two (rows are split
 * by the thousand).
 */
export function splitTrimmed(s: string, sep: string): string[] {
  const out: string[] = [];
  for (let from = 0; ; ) {
    const at = s.indexOf(sep, from);
    let start = from;
    let end = at < 0 ? s.length : at;
    while (start < end && isWhitespace(s.charCodeAt(start))) start++;
    while (end > start && isWhitespace(s.charCodeAt(end - 1))) end--;
    out.push(s.slice(start, end));
    if (at < 0) return out;
    from = at + sep.length;
  }
}

/** Splits text into lines, accepting \r\n and \r. */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** Display width of one UTF-16 code unit, by the rules of {@link charWidth}, looked up (widths are summed over every aligned line). */
const WIDTH = new Uint8Array(0x10000).fill(1);
for (const [from, to] of [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
] as const)
  WIDTH.fill(2, from, to + 1);
// The second half of a surrogate pair: the character was counted with its first half.
WIDTH.fill(0, 0xdc00, 0xdfff + 1);

/** Display width of one UTF-16 code unit: CJK and full-width characters take two columns, the second half of a surrogate pair none. */
export function charWidth(c: number): number {
  return WIDTH[c] ?? 1;
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += WIDTH[s.charCodeAt(i)] ?? 1;
  return w;
}
