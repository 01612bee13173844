import type { CellObject, Range, WorkSheet } from '@e965/xlsx';
import { ExtractError, type Extraction } from './types';
import { withoutFormulas } from './xls-formulas';

type Xlsx = typeof import('@e965/xlsx');

const isOle = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Above this many cells in its used range a sheet keeps only the rows and columns that hold something. */
const MAX_CELLS = 200_000;

/**
 * The cells that hold something: their range, and their rows and columns. A sheet's own range can run
 * far beyond them (formatting applied to whole rows or columns), or be null when nothing is there.
 */
interface Used {
  range: Range;
  rows: Set<number>;
  cols: Set<number>;
}

function usedCells(XLSX: Xlsx, ws: WorkSheet): Used | null {
  let range: Range | null = null;
  const rows = new Set<number>();
  const cols = new Set<number>();
  for (const key of Object.keys(ws)) {
    const cell = ws[key] as CellObject | undefined;
    if (key.startsWith('!') || cell === undefined || String(cell.v ?? '').trim() === '') continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (!(r >= 0 && c >= 0)) continue;
    rows.add(r);
    cols.add(c);
    if (!range) range = { s: { r, c }, e: { r, c } };
    range.s = { r: Math.min(range.s.r, r), c: Math.min(range.s.c, c) };
    range.e = { r: Math.max(range.e.r, r), c: Math.max(range.e.c, c) };
  }
  return range && { range, rows, cols };
}

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

/** The kept indices in [from, to] of an ascending list. */
function within(kept: number[], from: number, to: number): number[] {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((kept[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < kept.length && (kept[i] as number) <= to; i++) out.push(kept[i] as number);
  return out;
}

/**
 * One sheet as a `<table>`: the rows of its used range, each cell's displayed text (line breaks as
 * `<br>`), merged cells as one cell with rowspan/colspan. Written here rather than with `sheet_to_html`,
 * which copies the text, `<br/>` included, into a `data-v` attribute that a tag scanner cannot skip safely.
 * A range of more than {@link MAX_CELLS} cells (a stray value in a far corner, e.g. XFD1048576) keeps
 * only the rows and columns that hold something, and says so in `notes`.
 */
function sheetHtml(XLSX: Xlsx, ws: WorkSheet, used: Used, name: string, notes: string[]): string {
  const { range } = used;
  const area = (range.e.r - range.s.r + 1) * (range.e.c - range.s.c + 1);
  const compact = area > MAX_CELLS;
  if (compact) notes.push(`工作表“${name}”的单元格范围过大（${XLSX.utils.encode_range(range)}），只保留有内容的行和列`);
  const rows = compact ? sorted(used.rows) : span(range.s.r, range.e.r);
  const cols = compact ? sorted(used.cols) : span(range.s.c, range.e.c);
  const spans = new Map<string, string>();
  const covered = new Set<string>();
  for (const m of ws['!merges'] ?? []) {
    // Merges over whole rows or columns are cut to the used range.
    const mergedRows = within(rows, m.s.r, Math.min(m.e.r, range.e.r));
    const mergedCols = within(cols, m.s.c, Math.min(m.e.c, range.e.c));
    const n = mergedRows.length;
    const k = mergedCols.length;
    spans.set(`${m.s.r},${m.s.c}`, `${n > 1 ? ` rowspan="${n}"` : ''}${k > 1 ? ` colspan="${k}"` : ''}`);
    for (const r of mergedRows) for (const c of mergedCols) covered.add(`${r},${c}`);
  }
  const out = ['<table>'];
  for (const r of rows) {
    let row = '<tr>';
    for (const c of cols) {
      const key = `${r},${c}`;
      const merge = spans.get(key);
      if (merge === undefined && covered.has(key)) continue;
      const cell = ws[XLSX.utils.encode_cell({ r, c })];
      const text = cell ? XLSX.utils.format_cell(cell) : '';
      row += `<td${merge ?? ''}>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</td>`;
    }
    out.push(`${row}</tr>`);
  }
  out.push('</table>');
  return out.join('\n');
}

/**
 * An Excel workbook (.xlsx, .xlsb or legacy .xls, read by SheetJS) as HTML: one `<table>` per sheet in
 * workbook order, merged cells as rowspan/colspan. Empty and hidden sheets are skipped with a note.
 */
export async function extractSheets(bytes: Uint8Array, kind: 'xlsx' | 'xls'): Promise<Extraction> {
  const XLSX = await import('@e965/xlsx');
  let wb: ReturnType<typeof XLSX.read>;
  try {
    const input = kind === 'xls' && isOle(bytes) ? withoutFormulas(XLSX, bytes) : bytes;
    wb = XLSX.read(input, { type: 'array', cellHTML: false, cellFormula: false });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password/i.test(message))
      throw new ExtractError('encrypted', `the workbook is password-protected: ${message}`);
    throw e;
  }
  const notes: string[] = [];
  const tables: string[] = [];
  // A damaged workbook can list one name many times, and SheetJS gives each the same sheet.
  const seen = new Set<string>();
  wb.SheetNames.forEach((name, i) => {
    if (seen.has(name)) return;
    seen.add(name);
    const ws = wb.Sheets[name];
    const used = ws ? usedCells(XLSX, ws) : null;
    if (wb.Workbook?.Sheets?.[i]?.Hidden) notes.push(`隐藏的工作表“${name}”已跳过`);
    else if (!ws || !used) notes.push(`空工作表“${name}”已跳过`);
    else tables.push(sheetHtml(XLSX, ws, used, name, notes));
  });
  return { kind, text: tables.join('\n'), notes };
}
