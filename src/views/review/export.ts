import { type ReviewSelection, type ReviewSort, reviewExportQuery } from '../../db/queries-review';
import { type ReviewRow, reviewTable, toCsv, toXlsx } from '../../rules/review';
import { getAppDb } from '../../store';

/** Formats review comments are exported in. */
export type ExportFormat = 'csv' | 'xlsx';

/** `审核意见-<部门或全部>.<ext>`, with characters that file systems refuse replaced by `_`. */
export function reviewFileName(department: string | null, format: ExportFormat): string {
  const who =
    [...(department ?? '')]
      .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .trim() || '全部';
  return `审核意见-${who}.${format}`;
}

/** Saves a blob through an object URL and a temporary `<a download>`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Exports the selected findings (every one, not only the fetched page) as review comments in the
 * table's order; formulas are neutralised by `toCsv`/`toXlsx`. Resolves with the file name.
 */
export async function exportReview(format: ExportFormat, sel: ReviewSelection, sort: ReviewSort): Promise<string> {
  const rows = await (await getAppDb()).query<ReviewRow>(reviewExportQuery(sel, sort));
  const table = reviewTable(rows);
  const fileName = reviewFileName(sel.filters.department, format);
  const blob =
    format === 'csv'
      ? new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' })
      : await toXlsx(table, sel.filters.department ?? '审核意见');
  downloadBlob(blob, fileName);
  return fileName;
}
