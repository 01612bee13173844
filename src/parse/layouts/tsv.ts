import { isWhitespace } from '../normalize';
import { type Layout, type Row, splitTrimmed } from './layout';

/** How many of a line's tab-separated cells hold more than whitespace, counted without splitting the line. */
function filledCells(l: string): number {
  let n = 0;
  let filled = false;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c === 0x09) {
      if (filled) n++;
      filled = false;
    } else if (!filled && !isWhitespace(c)) filled = true;
  }
  return filled ? n + 1 : n;
}

/** Tab-separated rows, as PDF table extraction writes them: one table row per line, merged cells blank. */
export const tsvLayout: Layout = {
  id: 'tsv',
  reader: 'grid',
  detect(lines) {
    let n = 0;
    for (const l of lines) {
      const first = l.indexOf('\t');
      if (first <= 0 || l.indexOf('\t', first + 1) < 0) continue;
      if (filledCells(l) >= 3) n++;
    }
    return n * 2;
  },
  rows(_text, lines) {
    return lines.map((l, i): Row => ({ cells: l.trim() === '' ? [] : splitTrimmed(l, '\t'), line: i + 1 }));
  },
};
