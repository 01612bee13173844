import { isWhitespace } from '../normalize';
import { charWidth, type Layout, type Row } from './layout';

/**
 * Splits a column-aligned line at runs of two or more spaces, with each cell's display column: the
 * matches of the pattern `\S+(?: \S+)*`, found in one pass that also counts the columns.
 */
export function alignedCells(line: string): { cells: string[]; cols: number[] } {
  const cells: string[] = [];
  const cols: number[] = [];
  // Display width of the line up to `i`.
  let col = 0;
  for (let i = 0; i < line.length; ) {
    const c = line.charCodeAt(i);
    if (isWhitespace(c)) {
      col += charWidth(c);
      i++;
      continue;
    }
    const start = i;
    const startCol = col;
    // A cell: runs of non-space characters joined by single spaces.
    while (i < line.length) {
      const d = line.charCodeAt(i);
      if (isWhitespace(d) && !(d === 0x20 && i + 1 < line.length && !isWhitespace(line.charCodeAt(i + 1)))) break;
      col += charWidth(d);
      i++;
    }
    cells.push(line.slice(start, i));
    cols.push(startCol);
  }
  return { cells, cols };
}

/** What {@link isAlignedLine} tells, as patterns (read this way when a line holds a line separator). */
function isAlignedLineByPatterns(l: string): boolean {
  return l.includes('  ') && !l.includes('\t') && /\S {2,}\S.* {2,}\S/.test(l) && /[\u3400-\u9fff]/.test(l);
}

/**
 * True for a line of column-aligned text: no tab, a Chinese character, and two gaps of two spaces or
 * more, the first between text and text, the second before text (`/\S {2,}\S.* {2,}\S/`). One pass
 * over the line: detection reads thousands of lines.
 */
function isAlignedLine(l: string): boolean {
  let first = false;
  let second = false;
  let chinese = false;
  for (let i = 0; i < l.length; ) {
    const c = l.charCodeAt(i);
    if (c === 0x20) {
      let end = i + 1;
      while (end < l.length && l.charCodeAt(end) === 0x20) end++;
      if (end - i >= 2 && end < l.length && !isWhitespace(l.charCodeAt(end))) {
        if (first) second = true;
        else if (i > 0 && !isWhitespace(l.charCodeAt(i - 1))) first = true;
      }
      i = end;
      continue;
    }
    if (c === 0x09) return false;
    // `.` of the pattern stops at line separators.
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return isAlignedLineByPatterns(l);
    if (c >= 0x3400 && c <= 0x9fff) chinese = true;
    i++;
  }
  return second && chinese;
}

/** Column-aligned text (pdftotext -layout): cells padded with spaces, long cells wrapped onto following lines. */
export const alignedLayout: Layout = {
  id: 'aligned',
  reader: 'aligned',
  detect(lines) {
    let n = 0;
    // Lines without a double space, most lines of other layouts, are passed over without being read.
    for (const l of lines) if (l.includes('  ') && isAlignedLine(l)) n++;
    return n * 2;
  },
  rows(_text, lines) {
    return lines.map((l, i): Row => {
      const expanded = l.includes('\t') ? l.replace(/\t/g, '    ') : l;
      const { cells, cols } = alignedCells(expanded);
      // A blank line (only whitespace) has no cells.
      if (cells.length === 0) return { cells: [], line: i + 1 };
      return { cells, cols, line: i + 1 };
    });
  },
};
