import { hasBlank, hasWhitespace, isBlankText } from '../normalize';
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
/** Tags whose content is skipped (compared, not looked up: a set would hash every tag name of the document). */
const isSkipTag = (tag: string) => tag === 'script' || tag === 'style' || tag === 'head';

const SPAN_RE = { rowspan: /rowspan\s*=\s*["']?(\d+)/i, colspan: /colspan\s*=\s*["']?(\d+)/i };

function attr(attrs: string, name: 'rowspan' | 'colspan'): number {
  if (!attrs) return 1;
  const m = SPAN_RE[name].exec(attrs);
  const n = m?.[1] ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isLetterOrDigit = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39);

/**
 * The tags and comments of a text in order: what `/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--[\s\S]*?-->/g`
 * finds, read by hand, the last one found held in the scanner's fields (a document has thousands of
 * tags; the pattern's matches, or an object per tag, cost more than the scan).
 */
class TagScanner {
  /** Where the tag or comment starts and ends. */
  index = 0;
  end = 0;
  closing = false;
  /** The tag's name as printed; undefined for a comment. */
  name: string | undefined = undefined;
  /** Where the attributes start; they end before the closing `>`. */
  attrs = 0;
  /**
   * Where `-->` was last looked for and not found: no comment closes after it. Without it, a text of
   * unclosed `<!--` (a cut export) was searched to its end once per `<!--`, quadratic in its length.
   */
  private noCommentEndFrom = Number.POSITIVE_INFINITY;
  constructor(private readonly text: string) {}

  /** Where the comment opened at `at` ends (after its `-->`), or -1 when it is never closed. */
  private commentEnd(at: number): number {
    if (at + 4 >= this.noCommentEndFrom) return -1;
    const close = this.text.indexOf('-->', at + 4);
    if (close < 0) this.noCommentEndFrom = at + 4;
    return close < 0 ? -1 : close + 3;
  }

  /** Finds the first tag or comment at or after `from`; false when there is none. */
  next(from: number): boolean {
    const text = this.text;
    for (let at = text.indexOf('<', from); at >= 0; at = text.indexOf('<', at + 1)) {
      const closing = text.charCodeAt(at + 1) === 0x2f;
      const start = closing ? at + 2 : at + 1;
      if (isLetter(text.charCodeAt(start))) {
        let end = start + 1;
        while (isLetterOrDigit(text.charCodeAt(end))) end++;
        // The attributes run up to the first `>`; without one there is no tag here (nor after).
        const gt = text.indexOf('>', end);
        if (gt < 0) return false;
        return this.found(at, gt + 1, closing, text.slice(start, end), end);
      }
      if (text.startsWith('<!--', at)) {
        const end = this.commentEnd(at);
        if (end >= 0) return this.found(at, end, false, undefined, at);
      }
    }
    return false;
  }

  private found(index: number, end: number, closing: boolean, name: string | undefined, attrs: number): boolean {
    this.index = index;
    this.end = end;
    this.closing = closing;
    this.name = name;
    this.attrs = attrs;
    return true;
  }
}

/** A tag name in lower case; most are already (`toLowerCase` would copy every one). */
function lowerCase(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return name.toLowerCase();
  }
  return name;
}

interface OpenCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** A table cell's start tag (global: reset `lastIndex` before use). */
const CELL_TAG = /<t[dh][\s>]/gi;

/** HTML `<table>` markup (rowspan/colspan expanded into blank cells); text outside tables is one row per block. */
export const htmlLayout: Layout = {
  id: 'html',
  reader: 'grid',
  detect(lines) {
    let n = 0;
    for (const l of lines) {
      if (!l.includes('<')) continue;
      // Counted without collecting the matches.
      CELL_TAG.lastIndex = 0;
      while (CELL_TAG.test(l)) n++;
    }
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
    // `started` once the block holds more than whitespace (asked of the block, its text would be
    // trimmed at each chunk: quadratic on a long line of tags outside any table).
    let outside: { text: string; line: number; started: boolean }[] = [{ text: '', line: 1, started: false }];
    let rowCells: OpenCell[] | null = null;
    let rowLine = 1;
    let cell: OpenCell | null = null;
    let spans: number[] = [];
    const flushOutside = () => {
      for (const block of outside) {
        const t = decodeEntities(block.text).replace(/\s+/g, ' ').trim();
        if (t) rows.push({ cells: [t], line: block.line });
      }
      outside = [{ text: '', line: 1, started: false }];
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
        const decoded = decodeEntities(c.text);
        const text = hasBlank(decoded) ? decoded.replace(/[ \t\u00a0]+/g, ' ') : decoded;
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
    let last = 0;
    const m = new TagScanner(text);
    for (let found = m.next(0); found; found = m.next(last)) {
      const chunk = text.slice(last, m.index);
      last = m.end;
      if (skip === 0) {
        // Most chunks in cells are a few characters without whitespace.
        if (cell) cell.text += hasWhitespace(chunk) ? chunk.replace(/\s+/g, ' ') : chunk;
        else if (depth === 0) {
          const block = outside[outside.length - 1] as (typeof outside)[number];
          if (!block.started && !isBlankText(chunk)) {
            block.started = true;
            block.line = lineAt(m.index - chunk.length + (chunk.length - chunk.trimStart().length));
          }
          block.text += chunk;
        }
      }
      if (m.name === undefined) continue;
      const tag = lowerCase(m.name);
      const closing = m.closing;
      if (isSkipTag(tag)) {
        skip += closing ? (skip > 0 ? -1 : 0) : 1;
        continue;
      }
      if (skip > 0) continue;
      if (tag === 'table') {
        if (!closing) {
          if (depth === 0) flushOutside();
          // A table can only nest inside a cell: one opened between the cells of another means the
          // other lost its end tag (a cut or damaged export), and it is closed, not nested.
          if (depth === 1 && !cell) {
            closeRow();
            depth--;
          }
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
          const attrs = text.slice(m.attrs, m.end - 1);
          cell = { text: '', rowspan: attr(attrs, 'rowspan'), colspan: attr(attrs, 'colspan') };
        }
      } else if (BLOCK_TAGS.has(tag)) {
        if (cell) cell.text += '\n';
        else if (depth === 0) outside.push({ text: '', line: lineAt(m.index), started: false });
      }
    }
    const tail = text.slice(last);
    if (cell) (cell as OpenCell).text += tail;
    else if (depth === 0) outside.push({ text: tail, line: lineAt(last), started: true });
    closeRow();
    flushOutside();
    return rows;
  },
};
