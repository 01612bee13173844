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

/** Column-aligned text (pdftotext -layout): cells padded with spaces, long cells wrapped onto following lines. */
export const alignedLayout: Layout = {
  id: 'aligned',
  reader: 'aligned',
  detect(lines) {
    let n = 0;
    for (const l of lines)
      if (l.includes('  ') && !l.includes('\t') && /\S {2,}\S.* {2,}\S/.test(l) && /[\u3400-\u9fff]/.test(l)) n++;
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
