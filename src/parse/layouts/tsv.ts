import type { Layout, Row } from './layout';

/** Tab-separated rows, as PDF table extraction writes them: one table row per line, merged cells blank. */
export const tsvLayout: Layout = {
  id: 'tsv',
  reader: 'grid',
  detect(lines) {
    let n = 0;
    for (const l of lines) {
      const first = l.indexOf('\t');
      if (first <= 0 || l.indexOf('\t', first + 1) < 0) continue;
      if (l.split('\t').filter((c) => c.trim() !== '').length >= 3) n++;
    }
    return n * 2;
  },
  rows(_text, lines) {
    return lines.map(
      (l, i): Row => ({ cells: l.trim() === '' ? [] : l.split('\t').map((c) => c.trim()), line: i + 1 }),
    );
  },
};
