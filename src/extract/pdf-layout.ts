/**
 * Text lines from positioned text pieces, in the manner of `pdftotext -layout`: pieces are grouped into
 * lines by their baseline, and each piece is placed at a character column proportional to its x, so
 * table cells stay under their header and a cell wrapped over lines stays in its column (what the
 * parser's `aligned` layout reads). Pure: pdf.js gives the pieces (see pdf.ts).
 */
import { displayWidth } from '../parse/layouts';
import { CJK_CHAR } from '../parse/normalize';

/** A piece of text on a page, in page units with y growing downwards (pdf.js viewport space). */
export interface Piece {
  str: string;
  /** Left edge of the piece. */
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size. */
  size: number;
}

/** One page's pieces. */
export interface PagePieces {
  /** 1-based page number. */
  page: number;
  /** Page width, in the pieces' units. */
  width: number;
  pieces: Piece[];
}

/** Lines of text with the 1-based page of each (a page break is a blank line counted on the page before). */
export interface LaidOut {
  lines: string[];
  pages: number[];
}

/** Gap between pieces, as a share of the font size, above which they are separate cells (two spaces or more). */
const CELL_GAP = 0.6;
/** Gap above which two pieces of one cell are separated by a space. */
const WORD_GAP = 0.15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

interface Group {
  /** Baseline of the first piece. */
  y: number;
  size: number;
  pieces: Piece[];
}

/** Groups pieces into lines: sorted by baseline, a piece within half a font size of the line's first joins it. */
function groupLines(pieces: Piece[]): Group[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Group[] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && p.y - line.y <= 0.5 * Math.min(line.size, p.size)) line.pieces.push(p);
    else lines.push({ y: p.y, size: p.size, pieces: [p] });
  }
  for (const l of lines) l.pieces.sort((a, b) => a.x - b.x);
  return lines;
}

/** Text printed twice at (almost) the same place, as some producers fake bold, is kept once. */
function dropOverprint(line: Piece[]): Piece[] {
  return line.filter(
    (p, i) =>
      !line
        .slice(Math.max(0, i - 4), i)
        .some((q) => q.str === p.str && Math.abs(q.x - p.x) < 0.2 * p.size && Math.abs(q.y - p.y) < 0.2 * p.size),
  );
}

/** A laid-out line: its text and page, and in columns where it starts and ends and where the page's right margin is. */
interface Line {
  text: string;
  page: number;
  left: number;
  right: number;
  margin: number;
  /** One cell only: no gap wide enough to be a column gap. */
  single: boolean;
  /** Font size of the line's first piece. */
  size: number;
}

const BLANK = { text: '', left: 0, right: 0, margin: 0, single: false, size: 0 };

/**
 * One line (pieces sorted by x, none blank): each piece starts at column `(x − origin) / unit`; pieces
 * far apart (another cell) are at least two spaces apart, close pieces are joined, with one space for
 * a word gap. The gap word processors put between a number and the Chinese character after it
 * ("2023年", "3月底") is spacing, not a space: "2023 年,…" would read as an amount in a budget cell.
 */
function layLine(line: Piece[], origin: number, unit: number, page: number, margin: number): Line {
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  let single = true;
  for (const p of line) {
    const str = p.str.trim();
    const gap = p.x - end;
    end = Math.max(end, p.x + p.width);
    const col = Math.max(0, Math.round((p.x - origin) / unit));
    if (text === '') text = ' '.repeat(col);
    else if (gap > CELL_GAP * p.size) {
      text += ' '.repeat(Math.max(2, col - displayWidth(text)));
      single = false;
    } else if (gap > WORD_GAP * p.size && !(/\d$/.test(text) && CJK_CHAR.test(str[0] ?? ''))) text += ' ';
    text += str;
  }
  const first = line[0] as Piece;
  return {
    text,
    page,
    left: (first.x - origin) / unit,
    right: (end - origin) / unit,
    margin,
    single,
    size: first.size,
  };
}

/** Page furniture: "- 3 -", "— 3 —", "第3页", "第3页 共12页", "3/12". */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

/** A numbered item or heading starts a new paragraph, even after a full line (as the parser's Part 1 reader has it). */
const NEW_ITEM =
  /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十]+部分)/;

/**
 * Joins paragraph lines that a PDF wrapped at the right margin, as a word processor's text has them:
 * a one-cell line (a first-line indent allowed) that does not end a sentence continues on the next
 * one-cell line that starts at the left margin (or is centred, for a centred title) when that line's
 * first piece would not have fitted before the margin and that is printed in the same font size; also
 * across a page break. Table lines (column gaps, indented continuation lines) are left alone.
 */
function reflow(lines: Line[]): Line[] {
  const out: Line[] = [];
  let open: Line | null = null;
  for (const [i, line] of lines.entries()) {
    const next = lines[i + 1];
    const pageBreak = line.text === '' && next !== undefined && next.page > line.page;
    if (open && pageBreak && continues(open, next)) continue;
    if (open && continues(open, line)) {
      const text = line.text.trimStart();
      // A break between two words of Latin letters or digits was a space.
      open.text += /[A-Za-z0-9]$/.test(open.text) && /^[A-Za-z0-9]/.test(text) ? ` ${text}` : text;
      open.right = line.right;
    } else out.push({ ...line });
    const last = out[out.length - 1] as Line;
    open = last.single && last.left < 5 && !/[。！？!?：:]$/.test(last.text) ? last : null;
  }
  return out;
}

/**
 * The first piece a line cannot break in: a bracketed group, a run of Latin letters and digits, or a
 * character, with the punctuation after it (which no line starts with: "100%，").
 */
const FIRST_PIECE = /^(?:[（(《“][^）)》”]{0,8}[）)》”]|[\x21-\x7e]+|.)[、。，,；;：:）)》”！!？?]*/u;

/** True when `line` continues `open`: its first piece would not have fitted at the end of `open`. */
function continues(open: Line, line: Line): boolean {
  const text = line.text.trimStart();
  const centred = Math.abs(line.left + line.right - line.margin) < 2;
  // A paragraph keeps its font size: a title is not continued by the line under it (a table's unit line).
  if (Math.abs(line.size - open.size) > 0.1 * open.size) return false;
  if (!line.single || !(line.left < 1 || centred) || NEW_ITEM.test(text)) return false;
  const first = FIRST_PIECE.exec(text)?.[0] ?? '';
  return open.right + displayWidth(first) + 1 > open.margin;
}

/**
 * Lays pages of pieces out as text lines. One column is half the most common font size (a Chinese
 * character is two columns, as the parser measures text); column 0 is the leftmost piece of the
 * document (the left margin), so columns line up across pages. A blank line separates pages and
 * large vertical gaps; page numbers at the top or bottom of a page are dropped, and paragraphs
 * wrapped at the right margin are joined again.
 */
export function layoutPages(pages: PagePieces[]): LaidOut {
  const all = pages.flatMap((p) => p.pieces).filter((p) => p.str.trim() !== '');
  if (all.length === 0) return { lines: [], pages: [] };
  const unit = median(all.map((p) => p.size)) / 2;
  // (Reduced, not spread: a long PDF has more text items than `Math.min(...xs)` takes arguments.)
  const origin = all.reduce((min, p) => Math.min(min, p.x), Number.POSITIVE_INFINITY);
  const lines: Line[] = [];
  for (const { page, width, pieces } of pages) {
    const groups = groupLines(pieces.filter((p) => p.str.trim() !== ''));
    // Margins are taken as symmetric: the right one mirrors the leftmost text of the document.
    const margin = (width - 2 * origin) / unit;
    const laid = groups.map((g) => layLine(dropOverprint(g.pieces), origin, unit, page, margin));
    const furniture = (k: number) => (k === 0 || k === laid.length - 1) && PAGE_NUMBER.test(laid[k]?.text.trim() ?? '');
    if (lines.length > 0) lines.push({ ...BLANK, page: page - 1 });
    let last: Group | null = null;
    groups.forEach((g, k) => {
      if (furniture(k)) return;
      // Paragraph and table spacing are well under two line heights; more is a gap worth a blank line.
      if (last && g.y - last.y > 2.2 * g.size) lines.push({ ...BLANK, page });
      last = g;
      lines.push(laid[k] as Line);
    });
  }
  const out = reflow(lines);
  return { lines: out.map((l) => l.text.trimEnd()), pages: out.map((l) => l.page) };
}
