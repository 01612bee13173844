import type { Row } from '../../db';
import { toCsv } from '../../rules';

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * A query result as CSV for Excel (`toCsv`: BOM, CRLF, formulas neutralised). Numbers are written in
 * full, without digit grouping, so a spreadsheet reads them as numbers.
 */
export function resultCsv(columns: readonly string[], rows: readonly Row[]): string {
  return toCsv([[...columns], ...rows.map((r) => columns.map((c) => csvCell(r[c])))]);
}

/** A file name for an export made now: `query-20240321-093015.csv`. */
export function exportFileName(now: Date = new Date(), ext = 'csv'): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `query-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.${ext}`;
}

/** Saves text as a download (Blob, object URL, `<a download>`); nothing is sent anywhere. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: Chromium reads the blob when the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
