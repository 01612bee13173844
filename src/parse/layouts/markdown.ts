import type { Layout, Row } from './layout';

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits `| a | b |` into cells, keeping `\|` escapes. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // Most lines have neither escapes nor <br>: they are split and trimmed only.
  if (!inner.includes('\\') && !inner.includes('<')) return inner.split('|').map((c) => c.trim());
  return inner.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, '|')
      .replace(/<br\s*\/?>/gi, '\n')
      .trim(),
  );
}

/** Markdown pipe tables; text outside tables is one cell per line. */
export const markdownLayout: Layout = {
  id: 'markdown',
  reader: 'grid',
  detect(lines) {
    let n = 0;
    for (const l of lines) if (l.includes('|') && PIPE_ROW.test(l)) n++;
    return n * 3;
  },
  rows(_text, lines) {
    const rows: Row[] = [];
    lines.forEach((l, i) => {
      if (SEPARATOR.test(l) && l.includes('-')) return;
      if (PIPE_ROW.test(l)) rows.push({ cells: pipeCells(l), line: i + 1 });
      else rows.push({ cells: l.trim() === '' ? [] : [l.replace(/^#+\s*/, '').trim()], line: i + 1 });
    });
    return rows;
  },
};
