import { LabelSet, wasFull } from './aligned-cells';
import { COMPARATOR_START, looksLikeValue } from './indicator-value';
import { displayWidth, type Row } from './layouts';
import { isBlankText, isWhitespace, labelKey } from './normalize';
import {
  canonicalLevel1,
  canonicalLevel2,
  isLevel1Key,
  isLevel2Prefix,
  isLevel2PrefixKey,
  level2Parent,
} from './taxonomy';

/** An indicator row as cut from the layout, before its cells are cleaned and its value read. */
export interface RawIndicator {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string;
  basis: string;
  line: number;
}

/** Column roles of an indicator row. */
export const COLUMNS = ['level1', 'level2', 'level3', 'description', 'value', 'basis'] as const;
type Column = (typeof COLUMNS)[number];

const HEADER_KEYS: Record<Column, string[]> = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  level3: ['三级指标', '指标名称'],
  description: ['绩效指标描述', '指标描述', '指标内容', '指标解释'],
  value: ['指标值', '目标值', '年度指标值'],
  basis: ['指标值确定依据', '确定依据', '指标值设定依据', '依据'],
};

/** True for the indicator header row (一级指标 二级指标 三级指标 …), also when repeated after a page break. */
export function isIndicatorHeader(text: string): boolean {
  // Both pairs of labels hold 指 and 级: most rows are told without keying them.
  if (!text.includes('指') || !text.includes('级')) return false;
  const k = labelKey(text);
  return (k.includes('一级指标') && k.includes('二级指标')) || (k.includes('三级指标') && k.includes('指标值'));
}

/** True for an indicator header row; the row's cells are joined only when one of them holds 级. */
export function isHeaderRow(row: Row): boolean {
  for (const c of row.cells) if (c.includes('级')) return isIndicatorHeader(rowText(row));
  return false;
}

const PAGE_NOISE = /^(第\s*)?\d{1,4}(\s*页)?$|^-\s*\d{1,4}\s*-$|^\d+\s*\/\s*\d+$/;

/** A page number or page footer left in the text by extraction. */
function isPageNoise(text: string): boolean {
  // Page noise starts with 第, a digit or a dash: other text is told without trimming it.
  let i = 0;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c !== 0x7b2c && c !== 0x2d && !(c >= 0x30 && c <= 0x39)) return false;
  return PAGE_NOISE.test(text.trim());
}

/** {@link isPageNoise} of a row's text, joined only when its first cell could start page noise. */
function isPageNoiseRow(row: Row): boolean {
  const first = row.cells[0] ?? '';
  const c = first.charCodeAt(0);
  if (first !== '' && !isWhitespace(c) && c !== 0x7b2c && c !== 0x2d && !(c >= 0x30 && c <= 0x39)) return false;
  return isPageNoise(rowText(row));
}

const exactLevel2 = (s: string) => level2Parent(labelKey(s)) !== undefined;
const fitsLevel2 = (s: string) => exactLevel2(s) || isLevel2Prefix(s);

/** The first row after `rows[at]` that is not blank. */
function nextNonBlank(rows: Row[], at: number): Row | undefined {
  for (let i = at + 1; i < rows.length; i++) if ((rows[i] as Row).cells.length > 0) return rows[i];
  return undefined;
}

/** A row's cells joined by spaces (most rows of a PDF's text hold one cell). */
function rowText(row: Row): string {
  return row.cells.length === 1 ? (row.cells[0] as string) : row.cells.join(' ');
}

function emptyRaw(line: number): RawIndicator {
  return { level1: '', level2: '', level3: '', description: '', value: '', basis: '', line };
}

function append(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a}\n${b}`;
}

function headerColumns(cells: string[]): Map<Column, number> {
  const map = new Map<Column, number>();
  cells.forEach((c, i) => {
    const k = labelKey(c);
    for (const col of COLUMNS) if (!map.has(col) && HEADER_KEYS[col].includes(k)) map.set(col, i);
  });
  return map;
}

/** The trimmed cell of column `k` (an index into COLUMNS), placed by `at`. */
function cellAt(cells: string[], at: number[], k: number): string {
  return (cells[at[k] as number] ?? '').trim();
}

/**
 * Grid rows (tab-separated, Word, Markdown, HTML): cells sit under the header's columns; merged
 * level-1/2 cells are blank and carried down; a row split by a page break is joined again.
 */
export function readGridIndicators(header: Row, rows: Row[]): RawIndicator[] {
  const map = headerColumns(header.cells);
  const complete = COLUMNS.every((c) => map.has(c));
  const width = complete ? Math.max(...map.values()) + 1 : COLUMNS.length;
  // The cell index of each column, in the order of COLUMNS.
  const at = COLUMNS.map((c) => (complete ? (map.get(c) as number) : COLUMNS.indexOf(c)));
  const out: RawIndicator[] = [];
  let level1 = '';
  let level2 = '';
  for (const row of rows) {
    // How many cells hold text, and the first of them.
    let filled = 0;
    let first = '';
    for (const c of row.cells) if (!isBlankText(c) && filled++ === 0) first = c;
    if (filled === 0) continue;
    if (isHeaderRow(row) || (filled === 1 && isPageNoise(first))) continue;
    let cells = row.cells;
    // Trailing empties are harmless; a row short of cells lost its merged (blank) leading cells.
    let n = cells.length;
    while (n > width && isBlankText(cells[n - 1] ?? '')) n--;
    if (n < cells.length) cells = cells.slice(0, n);
    if (cells.length < width) cells = [...Array<string>(width - cells.length).fill(''), ...cells];
    const raw: RawIndicator = {
      level1: cellAt(cells, at, 0),
      level2: cellAt(cells, at, 1),
      level3: cellAt(cells, at, 2),
      description: cellAt(cells, at, 3),
      value: cellAt(cells, at, 4),
      basis: cellAt(cells, at, 5),
      line: row.line,
    };
    if (filled === 1 && canonicalLevel1(raw.level1) && !raw.level2) {
      level1 = raw.level1;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev && raw.level2 === '' && (prev.value === '' || (raw.value === '' && raw.level1 === ''))) {
      prev.level3 = append(prev.level3, raw.level3);
      prev.description = append(prev.description, raw.description);
      prev.value = append(prev.value, raw.value);
      prev.basis = append(prev.basis, raw.basis);
      continue;
    }
    if (raw.level1 !== '') level1 = raw.level1;
    else raw.level1 = level1;
    if (raw.level2 !== '') level2 = raw.level2;
    else raw.level2 = level2;
    out.push(raw);
  }
  return out;
}

/** A value that cannot be anything else: a comparator start, or a bare percentage. */
const STRONG_VALUE = new RegExp(`${COMPARATOR_START.source}|^\\d+(\\.\\d+)?\\s*[%％]$`);

/**
 * PDF text: each line holds fragments of consecutive columns (二级 三级 描述 值 依据); a blank line
 * ends a cell; a 二级指标 label (or its first characters) at the start of a line begins a row;
 * level-1 labels float anywhere and are dropped (level 1 is inferred from level 2); after a
 * repeated header (page break) an unfinished level-2 label is completed by the next line.
 */
export function readStreamIndicators(rows: Row[]): RawIndicator[] {
  const L2 = 0;
  const L3 = 1;
  const DESC = 2;
  const VALUE = 3;
  const BASIS = 4;
  const out: { cols: string[][]; line: number; l2done: boolean }[] = [];
  let cur: (typeof out)[number] | null = null;
  let ptr = L2;
  let pageBreak = false;
  // Widest fragment seen per column: the column's wrap width in this document.
  const widest: number[] = [0, 0, 0, 0, 0];
  const note = (col: number, f: string) => {
    widest[col] = Math.max(widest[col] ?? 0, displayWidth(f));
  };
  let resumed = false;
  // A blank line after the basis closes the row: the next text starts a row whose merged level-2 cell was printed above.
  let basisClosed = false;
  const has = (c: number) => (cur?.cols[c]?.length ?? 0) > 0;
  // A plain loop: a PDF's text has a row per line.
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at] as Row;
    if (row.cells.length === 0) {
      if (!cur) continue;
      if (ptr === BASIS && (cur.cols[BASIS]?.length ?? 0) > 0) basisClosed = true;
      if (ptr === L2 && !cur.l2done && canonicalLevel2((cur.cols[L2] ?? []).join(''))) {
        cur.l2done = true;
        ptr = L3;
      } else if (ptr > L2 && (cur.cols[ptr]?.length ?? 0) > 0) ptr = Math.min(ptr + 1, BASIS);
      continue;
    }
    const text = rowText(row);
    if (isIndicatorHeader(text)) {
      pageBreak = true;
      continue;
    }
    if (isPageNoise(text)) continue;
    let frags = row.cells;
    const first = frags[0] ?? '';
    // The label key of the row's first fragment, looked up as a label of either level.
    const firstKey = labelKey(first);
    if (isLevel1Key(firstKey)) {
      const following = frags[1] ?? nextNonBlank(rows, at)?.cells[0] ?? '';
      const isAlsoLevel2 = canonicalLevel2(first) !== null;
      if (!isAlsoLevel2 || canonicalLevel2(following) || isLevel2Prefix(following)) {
        frags = frags.slice(1);
        if (frags.length === 0) continue;
      }
    }
    const head = frags[0] ?? '';
    const headKey = head === first ? firstKey : labelKey(head);
    const fullLabel = level2Parent(headKey) !== undefined;
    const startsRow = fullLabel || isLevel2PrefixKey(headKey);
    // A label-like start ("服务对象满意度") while the description is still due is the description;
    // the first characters of a label ("生态环境") right after a value may be the value's wrapped end.
    const rowDone = fullLabel
      ? has(VALUE) || ptr > DESC || (ptr === DESC && has(DESC))
      : has(BASIS) || (ptr === VALUE && looksLikeValue((cur?.cols[VALUE] ?? []).join('')));
    if (!cur || (startsRow && rowDone)) {
      if (!startsRow && cur === null) continue;
      cur = { cols: [[], [], [], [], []], line: row.line, l2done: false };
      out.push(cur);
      ptr = L2;
    } else if (pageBreak && !cur.l2done) {
      ptr = L2;
      resumed = true;
    } else if (pageBreak && has(VALUE)) {
      // A row split by a page break: the lines after the repeated header continue the cells that
      // were full-width when the page ended (e.g. 三级指标 and 依据), left to right.
      const full = [L3, DESC, VALUE, BASIS].filter((c) => {
        const last = cur?.cols[c]?.at(-1);
        return last !== undefined && displayWidth(last) >= (widest[c] ?? 0) - 2;
      });
      if (full.length >= frags.length) {
        frags.forEach((f, k) => {
          cur?.cols[full[k] as number]?.push(f);
          note(full[k] as number, f);
        });
        ptr = full[frags.length - 1] as number;
        pageBreak = false;
        continue;
      }
    } else if (basisClosed && cur.l2done) {
      cur = { cols: [[...(cur.cols[L2] ?? [])], [], [], [], []], line: row.line, l2done: true };
      out.push(cur);
      ptr = L3;
    }
    pageBreak = false;
    basisClosed = false;
    const row5 = cur;
    let col = ptr;
    for (let k = 0; k < frags.length; k++) {
      const f = frags[k] as string;
      if (k > 0) col = Math.min(col + 1, BASIS);
      if (col === L2 && row5.l2done) col = L3;
      if (col === L2) {
        const joined = (row5.cols[L2] ?? []).join('');
        if (!fitsLevel2(joined + f) && joined !== '' && canonicalLevel2(joined)) {
          row5.l2done = true;
          col = L3;
        }
      }
      if (col > L2 && col < VALUE && STRONG_VALUE.test(f) && (row5.cols[VALUE]?.length ?? 0) === 0) col = VALUE;
      row5.cols[col]?.push(f);
      note(col, f);
      if (col === L2 && exactLevel2((row5.cols[L2] ?? []).join(''))) row5.l2done = true;
    }
    ptr = col === L2 && row5.l2done ? L3 : col;
    if (resumed && frags.length > 1) {
      // After a page break the next lines continue the leftmost cell that is still wrapping.
      const wrapping = [L3, DESC, VALUE].find((c) => {
        const last = row5.cols[c]?.at(-1);
        return last !== undefined && frags.includes(last) && displayWidth(last) >= (widest[c] ?? 0) - 2;
      });
      if (wrapping !== undefined) ptr = wrapping;
    }
    resumed = false;
  }
  return out.map(({ cols, line }) => {
    const [l2 = [], l3 = [], desc = [], value = [], basis = []] = cols;
    // "增强办事群众对 24 小时" / "政务大厅…" / "≥100% 调查问卷": the number was description, the value comes later.
    if (basis[0] !== undefined && STRONG_VALUE.test(basis[0]) && !STRONG_VALUE.test(value[0] ?? '')) {
      desc.push(...value.splice(0));
      value.push(basis.shift() as string);
    }
    if (value.length === 0) {
      const fromDesc = desc[desc.length - 1];
      if (fromDesc !== undefined && looksLikeValue(fromDesc)) value.push(desc.pop() as string);
      else if (basis[0] !== undefined && looksLikeValue(basis[0])) value.push(basis.shift() as string);
    }
    return {
      level1: '',
      level2: l2.join(''),
      level3: l3.join('\n'),
      description: desc.join('\n'),
      value: value.join(' '),
      basis: basis.join('\n'),
      line,
    };
  });
}

const INDICATOR_LABELS = new LabelSet(Object.values(HEADER_KEYS).flat());

/**
 * The indicator header with its labels completed by the lines under it that hold only their
 * missing characters, and how many of those lines follow it.
 */
function headerContinuation(header: Row, rows: Row[]): { header: Row; count: number } {
  const cells = [...header.cells];
  let count = 0;
  for (const [i, row] of rows.entries()) {
    // A page break can fall inside the header row.
    if (row.cells.length === 0) {
      if (rows[i + 1]?.cells.length === 0) break;
      continue;
    }
    const at = row.cells.map((_, j) => header.cols?.findIndex((c) => Math.abs(c - (row.cols?.[j] ?? -9)) <= 1) ?? -1);
    const completes = row.cells.every((text, j) => {
      const k = at[j] as number;
      return k >= 0 && INDICATOR_LABELS.startsLabel(`${cells[k]}${text}`);
    });
    if (!completes) break;
    row.cells.forEach((text, j) => {
      const k = at[j] as number;
      cells[k] = `${cells[k]}${text}`;
    });
    count = i + 1;
  }
  return { header: count === 0 ? header : { ...header, cells }, count };
}

/**
 * Column-aligned text (pdftotext -layout): each cell is placed in the header column it starts
 * under; lines without a new 二级指标 or value continue the cells of the row above (wrapped text).
 */
export function readAlignedIndicators(printedHeader: Row, body: Row[]): RawIndicator[] {
  // Labels wrapped in narrow columns ("指标值确定" / "依据") are completed by the lines under them.
  const headerLines = headerContinuation(printedHeader, body);
  const header = headerLines.header;
  const rows = body.slice(headerLines.count);
  const starts: { col: Column; at: number }[] = [];
  header.cells.forEach((c, i) => {
    const k = labelKey(c);
    const col = COLUMNS.find((name) => HEADER_KEYS[name].includes(k));
    if (col) starts.push({ col, at: header.cols?.[i] ?? 0 });
  });
  if (starts.length < 4) return readGridIndicators(header, rows);
  starts.sort((a, b) => a.at - b.at);
  const columnAt = (at: number): Column => {
    let best = starts[0] as { col: Column; at: number };
    for (const s of starts) if (s.at <= at + 1) best = s;
    return best.col;
  };
  // Room in each column: a cell wraps only when the next piece did not fit after the text above it.
  const room = new Map<Column, number>();
  starts.forEach((st, i) => {
    const next = starts[i + 1];
    room.set(st.col, next ? next.at - st.at - 2 : Number.POSITIVE_INFINITY);
  });
  const out: RawIndicator[] = [];
  let cur: RawIndicator | null = null;
  let lastWidth = new Map<Column, number>();
  let level1 = '';
  let level2 = '';
  let skip = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    if (row.cells.length === 0) continue;
    if (isHeaderRow(row)) {
      // A header repeated after a page break, with the lines that complete its labels.
      skip = headerContinuation(row, rows.slice(r + 1)).count;
      continue;
    }
    if (skip > 0) {
      skip--;
      continue;
    }
    if (isPageNoiseRow(row)) continue;
    const line = emptyRaw(row.line);
    const widths = new Map<Column, number>();
    for (let i = 0; i < row.cells.length; i++) {
      const c = row.cells[i] as string;
      const col = columnAt(row.cols?.[i] ?? 0);
      line[col] = append(line[col], c);
      widths.set(col, (widths.get(col) ?? 0) + displayWidth(c));
    }
    // A level-2 label wrapped in its narrow column ("社会效益指" / "标") continues the row above.
    const continuesLevel2 =
      cur !== null && line.level2 !== '' && !exactLevel2(cur.level2) && fitsLevel2(cur.level2 + line.level2);
    // Every cell of a wrapped line continues a cell above that was full: its first piece did not fit there.
    const newLabel =
      !continuesLevel2 &&
      (canonicalLevel2(line.level2) !== null || isLevel2Prefix(line.level2) || canonicalLevel1(line.level1) !== null);
    // A whole value under a whole value is the next row's (two merged 成本指标 rows: 70.4万元, then 29.6万元),
    // unless the two read as one value broken in a narrow column ("2023年" / "12月底前", "≤41769" / "4元").
    const newValue =
      cur !== null &&
      line.value !== '' &&
      looksLikeValue(cur.value) &&
      looksLikeValue(line.value) &&
      !looksLikeValue(`${cur.value}${line.value}`);
    let wrapped = cur !== null && !newLabel && !newValue;
    for (const col of widths.keys()) {
      if (!wrapped) break;
      if (col === 'basis' || (col === 'level2' && continuesLevel2)) continue;
      const above = lastWidth.get(col);
      wrapped = above !== undefined && wasFull(above, room.get(col) ?? 0, line[col]);
    }
    if (!cur || !wrapped) {
      if (line.level1 !== '') level1 = line.level1;
      if (line.level2 !== '') level2 = line.level2;
      cur = { ...line, level1: line.level1 || level1, level2: line.level2 || level2 };
      out.push(cur);
      lastWidth = widths;
      continue;
    }
    for (const c of COLUMNS) {
      if (c === 'level1' || c === 'level2') {
        if (line[c] !== '' && cur[c] !== line[c]) cur[c] = `${cur[c]}${line[c]}`;
      } else if (c === 'value') {
        // A value wrapped in its column ("300元/" / "亩", "≤41769" / "4元") is one word; only Latin words had a space.
        const space = /[A-Za-z]$/.test(cur.value) && /^[A-Za-z]/.test(line.value);
        cur.value =
          cur.value === '' || line.value === '' ? cur.value + line.value : cur.value + (space ? ' ' : '') + line.value;
      } else cur[c] = append(cur[c], line[c]);
    }
    for (const [col, w] of widths) lastWidth.set(col, w);
    level1 = cur.level1;
    level2 = cur.level2;
  }
  return out;
}
