import type { Layout, Row } from './layout';

/**
 * Word extraction: one cell per line behind a leading tab, a blank line between table rows; a line
 * without the tab continues the cell above it (multi-line cells such as numbered objectives).
 */
export const wordLayout: Layout = {
  id: 'word',
  reader: 'grid',
  detect(lines) {
    let n = 0;
    for (const l of lines) if (l.startsWith('\t') && l.indexOf('\t', 1) < 0) n++;
    return n;
  },
  rows(_text, lines) {
    const rows: Row[] = [];
    let current: Row | null = null;
    lines.forEach((l, i) => {
      const line = i + 1;
      if (l.trim() === '' && !l.startsWith('\t')) {
        if (current) rows.push(current);
        current = null;
        rows.push({ cells: [], line });
        return;
      }
      if (l.startsWith('\t')) {
        const text = l.slice(1);
        const cell = (text.includes('\t') ? text.replace(/\t/g, ' ') : text).trim();
        if (current) current.cells.push(cell);
        else current = { cells: [cell], line };
        return;
      }
      if (current && current.cells.length > 0) {
        const last = current.cells.length - 1;
        current.cells[last] = `${current.cells[last]}\n${l.trim()}`;
        return;
      }
      if (current) rows.push(current);
      current = null;
      rows.push({ cells: [l.trim()], line });
    });
    if (current) rows.push(current);
    return rows;
  },
};
