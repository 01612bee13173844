import { displayWidth, type Layout, type Row } from './layout';

/** Splits a column-aligned line at runs of two or more spaces, with each cell's display column. */
export function alignedCells(line: string): { cells: string[]; cols: number[] } {
  const cells: string[] = [];
  const cols: number[] = [];
  const re = /\S+(?: \S+)*/g;
  // The width up to each cell is the width up to the previous cell plus what lies between.
  let col = 0;
  let at = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    col += displayWidth(line.slice(at, m.index));
    at = m.index;
    cells.push(m[0]);
    cols.push(col);
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
      if (expanded.trim() === '') return { cells: [], line: i + 1 };
      const { cells, cols } = alignedCells(expanded);
      return { cells, cols, line: i + 1 };
    });
  },
};
