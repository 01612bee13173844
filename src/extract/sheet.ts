import type { CellObject, Range, WorkSheet } from '@e965/xlsx';
import { ExtractError, type Extraction } from './types';

type Xlsx = typeof import('@e965/xlsx');

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The range of the cells that hold something: a sheet's own range can run far beyond them (formatting
 * applied to whole rows or columns), or be null when nothing is there.
 */
function usedRange(XLSX: Xlsx, ws: WorkSheet): Range | null {
  let range: Range | null = null;
  for (const key of Object.keys(ws)) {
    const cell = ws[key] as CellObject | undefined;
    if (key.startsWith('!') || cell === undefined || String(cell.v ?? '').trim() === '') continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (!range) range = { s: { r, c }, e: { r, c } };
    range.s = { r: Math.min(range.s.r, r), c: Math.min(range.s.c, c) };
    range.e = { r: Math.max(range.e.r, r), c: Math.max(range.e.c, c) };
  }
  return range;
}

/**
 * One sheet as a `<table>`: the rows of its used range, each cell's displayed text (line breaks as
 * `<br>`), merged cells as one cell with rowspan/colspan. Written here rather than with `sheet_to_html`,
 * which copies the text, `<br/>` included, into a `data-v` attribute that a tag scanner cannot skip safely.
 */
function sheetHtml(XLSX: Xlsx, ws: WorkSheet, range: Range): string {
  const spans = new Map<string, string>();
  const covered = new Set<string>();
  for (const m of ws['!merges'] ?? []) {
    // Merges over whole rows or columns are cut to the used range.
    const e = { r: Math.min(m.e.r, range.e.r), c: Math.min(m.e.c, range.e.c) };
    const rows = e.r - m.s.r + 1;
    const cols = e.c - m.s.c + 1;
    spans.set(`${m.s.r},${m.s.c}`, `${rows > 1 ? ` rowspan="${rows}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''}`);
    for (let r = m.s.r; r <= e.r; r++) for (let c = m.s.c; c <= e.c; c++) covered.add(`${r},${c}`);
  }
  const out = ['<table>'];
  for (let r = range.s.r; r <= range.e.r; r++) {
    let row = '<tr>';
    for (let c = range.s.c; c <= range.e.c; c++) {
      const key = `${r},${c}`;
      const span = spans.get(key);
      if (span === undefined && covered.has(key)) continue;
      const cell = ws[XLSX.utils.encode_cell({ r, c })];
      const text = cell ? XLSX.utils.format_cell(cell) : '';
      row += `<td${span ?? ''}>${escapeHtml(text).replace(/\r?\n/g, '<br>')}</td>`;
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
    wb = XLSX.read(bytes, { type: 'array', cellHTML: false, cellFormula: false });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password/i.test(message))
      throw new ExtractError('encrypted', `the workbook is password-protected: ${message}`);
    throw e;
  }
  const notes: string[] = [];
  const tables: string[] = [];
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    const range = ws ? usedRange(XLSX, ws) : null;
    if (wb.Workbook?.Sheets?.[i]?.Hidden) notes.push(`隐藏的工作表“${name}”已跳过`);
    else if (!ws || !range) notes.push(`空工作表“${name}”已跳过`);
    else tables.push(sheetHtml(XLSX, ws, range));
  });
  return { kind, text: tables.join('\n'), notes };
}
