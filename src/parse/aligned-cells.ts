/**
 * Table cells from column-aligned text (the `aligned` layout): a cell too long for its column wraps
 * onto the following lines at the column it started in, so a table row is a first line and the lines
 * under it that continue its cells. Continuation is told by what is above: a label continues only with
 * its own missing characters ("预算规模及" / "资金用途"), any other cell only when it was full (the
 * next piece of text would not have fitted after it).
 */
import { displayWidth, type Row } from './layouts';
import { labelKey } from './normalize';

/**
 * The first piece of text a line cannot break in: a bracketed group, an ASCII run, or a character,
 * with the punctuation after it (which no line starts with: "%）", "100%，").
 */
const FIRST_PIECE = /^(?:[（(《“][^）)》”]{0,8}[）)》”]|[\x21-\x7e]+|.)[、。，,；;：:）)》”！!？?]*/u;

/**
 * Slack of two wide characters when telling whether a cell was full: the gap between columns is not
 * known (two spaces or more), and line-breaking rules may carry a character over with the
 * punctuation after it ("环" / "境、").
 */
const SLACK = 4;

/** Display width of the first piece of `text` that a line cannot break in. */
export function firstPieceWidth(text: string): number {
  return displayWidth(FIRST_PIECE.exec(text)?.[0] ?? '');
}

/** True when text `width` wide, in a column with `room` for text, had no room left for `next`. */
export function wasFull(width: number, room: number, next: string): boolean {
  return width + firstPieceWidth(next) + SLACK > room;
}

/** Label keys, and the test whether a text is one of them or the start of one. */
export class LabelSet {
  /** Every label key and every start of one. */
  private readonly starts = new Set<string>();
  /** The first character of every label key. */
  private readonly firsts = new Set<number>();
  /** Length of the longest label. */
  private readonly longest: number = 0;
  constructor(labels: readonly string[]) {
    for (const label of labels) {
      const k = labelKey(label);
      for (let i = 1; i <= k.length; i++) this.starts.add(k.slice(0, i));
      this.firsts.add(k.charCodeAt(0));
      this.longest = Math.max(this.longest, k.length);
    }
  }
  /** True when `text` (trimmed) is a label or its first characters. */
  startsLabel(text: string): boolean {
    // Longer than any label: only spaces or markers inside could make it one.
    if (text.length > this.longest && !/[\s<[]/.test(text)) return false;
    // A first character labelKey keeps, and no label starts with (looking a string up hashes it).
    const first = text.charCodeAt(0);
    if (plain(first) && !this.firsts.has(first)) return false;
    // Most cells are told by their first two characters, when labelKey would keep those as they are.
    if (
      text.length >= 2 &&
      plain(text.charCodeAt(0)) &&
      plain(text.charCodeAt(1)) &&
      !this.starts.has(text.slice(0, 2))
    )
      return false;
    return this.starts.has(labelKey(text));
  }
}

/** A character labelKey keeps as it is: not a space, a full-width form, a bracket or the start of a marker. */
function plain(c: number): boolean {
  return c > 0x20 && c !== 0x5b && c !== 0x3c && c !== 0xa0 && c !== 0x3000 && (c < 0xff01 || c > 0xff5e);
}

/** A cell of an aligned table row: its display column and its lines. */
export interface AlignedCell {
  col: number;
  parts: string[];
}

interface OpenCell extends AlignedCell {
  /** Column of the next cell on the line the cell started on; undefined for the last cell (room up to the table's end). */
  next: number | undefined;
  /** Width of the cell's last line. */
  last: number;
  /** The cell's text so far is a label or the start of one. */
  label: boolean;
}

/**
 * Groups aligned lines into table rows of cells. A line whose pieces each continue the cell above
 * them (one column of tolerance) adds to those cells: the rest of a label (one of `labels`:
 * "预算规模及" / "资金用途"), or any text under a line that was full. Any other line starts a row of
 * cells, closing the cells above but labels still incomplete, which span rows and take their rest
 * from it ("资金支出" / "计划 1.50 3.00 …" / "（%）": the label beside the month headers and the
 * values). `right` tells the column where the table ends (asked only when needed). Blank lines (page
 * breaks) are skipped.
 */
export function alignedTableRows(rows: Row[], labels: LabelSet, right: () => number): AlignedCell[][] {
  const out: AlignedCell[][] = [];
  let open: OpenCell[] = [];
  let end: number | undefined;
  // Room for text in a cell's column: up to the next cell of its first line, less a gap.
  const room = (c: OpenCell) => {
    if (c.next !== undefined) return c.next - c.col - 2;
    end ??= right();
    return end - c.col;
  };
  for (const row of rows) {
    const n = row.cells.length;
    if (n === 0) continue;
    const cols: number[] = [];
    for (let i = 0; i < n; i++) cols.push(row.cols?.[i] ?? 0);
    // The open cell each piece continues, if any: the one under it whose text it can continue.
    const targets: (OpenCell | undefined)[] = [];
    let newRow = false;
    for (let i = 0; i < n; i++) {
      const text = row.cells[i] as string;
      const cell = open.find((c) => Math.abs(c.col - (cols[i] as number)) <= 1);
      const continues =
        cell !== undefined &&
        (cell.label ? labels.startsLabel(cell.parts.join('') + text) : wasFull(cell.last, room(cell), text));
      targets.push(continues ? cell : undefined);
      if (!continues) newRow = true;
    }
    const started: OpenCell[] = [];
    for (let i = 0; i < n; i++) {
      const text = row.cells[i] as string;
      const cell = targets[i];
      if (cell && (!newRow || cell.label)) {
        cell.parts.push(text);
        cell.last = displayWidth(text);
        continue;
      }
      const col = cols[i] as number;
      started.push({
        col,
        parts: [text],
        next: cols[i + 1],
        last: displayWidth(text),
        label: labels.startsLabel(text),
      });
    }
    if (!newRow) continue;
    out.push(started);
    const spanning = open.filter((c) => c.label && !started.some((s) => Math.abs(s.col - c.col) <= 1));
    open = [...spanning, ...started];
  }
  return out;
}

/**
 * The lines of one cell as pieces of text: a number broken over lines ("1322." / "00", "41.77万" /
 * "元") is one piece again; other lines stay apart (a code split over lines is joined, and reported,
 * where it is read).
 */
export function cellPieces(parts: string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const prev = out[out.length - 1];
    if (prev !== undefined && /^-?[\d,]*\d[\d.,]*(?:万)?$/.test(prev) && /^(?:[\d.,]+%?|%|万?元)$/.test(p))
      out[out.length - 1] = prev + p;
    else out.push(p);
  }
  return out;
}
