import type { Layout, Row } from './layout';

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ge: '≥',
  le: '≤',
};

/** Decodes the HTML entities that occur in exported tables. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'title', 'section', 'article']);
const SKIP_TAGS = new Set(['script', 'style', 'head']);

const SPAN_RE = { rowspan: /rowspan\s*=\s*["']?(\d+)/i, colspan: /colspan\s*=\s*["']?(\d+)/i };

function attr(attrs: string, name: 'rowspan' | 'colspan'): number {
  if (!attrs) return 1;
  const m = SPAN_RE[name].exec(attrs);
  const n = m?.[1] ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

interface OpenCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** HTML `<table>` markup (rowspan/colspan expanded into blank cells); text outside tables is one row per block. */
export const htmlLayout: Layout = {
  id: 'html',
  reader: 'grid',
  detect(lines) {
    let n = 0;
    for (const l of lines) if (l.includes('<')) n += (l.match(/<t[dh][\s>]/gi) ?? []).length;
    return n * 3;
  },
  rows(text) {
    const lineStarts: number[] = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineAt = (offset: number): number => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
    const rows: Row[] = [];
    let depth = 0;
    let skip = 0;
    // Text outside tables, one entry per block, each with the source line where its text starts.
    let outside: { text: string; line: number }[] = [{ text: '', line: 1 }];
    let rowCells: OpenCell[] | null = null;
    let rowLine = 1;
    let cell: OpenCell | null = null;
    let spans: number[] = [];
    const flushOutside = () => {
      for (const block of outside) {
        const t = decodeEntities(block.text).replace(/\s+/g, ' ').trim();
        if (t) rows.push({ cells: [t], line: block.line });
      }
      outside = [{ text: '', line: 1 }];
    };
    const closeCell = () => {
      if (cell && rowCells) rowCells.push(cell);
      cell = null;
    };
    const closeRow = () => {
      closeCell();
      if (!rowCells) return;
      const cells: string[] = [];
      let col = 0;
      const nextSpans: number[] = [];
      const place = (text: string, rowspan: number) => {
        cells[col] = text;
        if (rowspan > 1) nextSpans[col] = rowspan - 1;
        col++;
      };
      for (const c of rowCells) {
        while ((spans[col] ?? 0) > 0) {
          nextSpans[col] = (spans[col] ?? 1) - 1;
          cells[col++] = '';
        }
        const text = decodeEntities(c.text).replace(/[ \t\u00a0]+/g, ' ');
        place((text.includes('\n') ? text.replace(/\s*\n\s*/g, '\n') : text).trim(), c.rowspan);
        for (let k = 1; k < c.colspan; k++) place('', c.rowspan);
      }
      while (col < spans.length) {
        if ((spans[col] ?? 0) > 0) nextSpans[col] = (spans[col] ?? 1) - 1;
        cells[col++] = '';
      }
      spans = nextSpans;
      // Every column up to `col` was set in order: the array has no holes.
      rows.push({ cells, line: rowLine });
      rowCells = null;
    };
    const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--[\s\S]*?-->/g;
    let last = 0;
    for (let m = tagRe.exec(text); m !== null; m = tagRe.exec(text)) {
      const chunk = text.slice(last, m.index);
      last = m.index + m[0].length;
      if (skip === 0) {
        if (cell) cell.text += chunk.replace(/\s+/g, ' ');
        else if (depth === 0) {
          const block = outside[outside.length - 1] as { text: string; line: number };
          if (block.text.trim() === '' && chunk.trim() !== '')
            block.line = lineAt(m.index - chunk.length + (chunk.length - chunk.trimStart().length));
          block.text += chunk;
        }
      }
      if (m[2] === undefined) continue;
      const tag = /[A-Z]/.test(m[2]) ? m[2].toLowerCase() : m[2];
      const closing = m[1] === '/';
      if (SKIP_TAGS.has(tag)) {
        skip += closing ? (skip > 0 ? -1 : 0) : 1;
        continue;
      }
      if (skip > 0) continue;
      if (tag === 'table') {
        if (!closing) {
          if (depth === 0) flushOutside();
          depth++;
          if (depth === 1) spans = [];
        } else if (depth > 0) {
          if (depth === 1) closeRow();
          depth--;
        }
      } else if (depth === 1 && tag === 'tr') {
        closeRow();
        if (!closing) {
          rowCells = [];
          rowLine = lineAt(m.index);
        }
      } else if (depth === 1 && (tag === 'td' || tag === 'th')) {
        closeCell();
        if (!closing) {
          if (!rowCells) {
            rowCells = [];
            rowLine = lineAt(m.index);
          }
          cell = { text: '', rowspan: attr(m[3] ?? '', 'rowspan'), colspan: attr(m[3] ?? '', 'colspan') };
        }
      } else if (BLOCK_TAGS.has(tag)) {
        if (cell) cell.text += '\n';
        else if (depth === 0) outside.push({ text: '', line: lineAt(m.index) });
      }
    }
    const tail = text.slice(last);
    if (cell) (cell as OpenCell).text += tail;
    else if (depth === 0) outside.push({ text: tail, line: lineAt(last) });
    closeRow();
    flushOutside();
    return rows;
  },
};
