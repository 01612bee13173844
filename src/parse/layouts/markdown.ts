import { isWhitespace } from '../normalize';
import { type Layout, type Row, splitTrimmed } from './layout';

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Splits `| a | b |` into cells, keeping `\|` escapes. */
function pipeCells(line: string): string[] {
  // The line trimmed, without its first and last pipe.
  let start = 0;
  let end = line.length;
  while (start < end && isWhitespace(line.charCodeAt(start))) start++;
  while (end > start && isWhitespace(line.charCodeAt(end - 1))) end--;
  if (start < end && line[start] === '|') start++;
  if (end > start && line[end - 1] === '|') end--;
  const inner = line.slice(start, end);
  // Most lines have neither escapes nor <br>: they are split and trimmed only.
  if (!inner.includes('\\') && !inner.includes('<')) return splitTrimmed(inner, '|');
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
      if (l.includes('-') && SEPARATOR.test(l)) return;
      if (l.includes('|') && PIPE_ROW.test(l)) rows.push({ cells: pipeCells(l), line: i + 1 });
      else {
        const text = l.startsWith('#') ? l.replace(/^#+\s*/, '') : l;
        rows.push({ cells: l.trim() === '' ? [] : [text.trim()], line: i + 1 });
      }
    });
    return rows;
  },
};
