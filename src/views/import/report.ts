import { fill, type Messages } from '../../i18n';
import type { FileReport, ImportReport, ReportDiagnostic } from '../../store';
import type { ImportErrorCode } from '../../worker';

const ERROR_MESSAGE = {
  empty: 'errEmpty',
  encrypted: 'errEncrypted',
  corrupt: 'errCorrupt',
  unsupported: 'errUnsupported',
  binary: 'errBinary',
  'no-tables': 'errNoTables',
  internal: 'errInternal',
} as const satisfies Record<ImportErrorCode, keyof Messages>;

/** Why a file was not imported, in the reader's language (plus the technical detail, if any). */
export function errorText(f: FileReport, t: Messages): string {
  if (!f.error) return '';
  const text = t[ERROR_MESSAGE[f.error]];
  return f.detail ? `${text} (${f.detail})` : text;
}

/** Where a diagnostic points: page, line and table, as far as they are known. */
export function whereText(d: ReportDiagnostic, t: Messages): string {
  const parts: string[] = [];
  if (d.page !== null) parts.push(fill(t.importPage, { n: d.page }));
  if (d.line !== null) parts.push(fill(t.importLine, { n: d.line }));
  if (d.table !== null) parts.push(fill(t.importTable, { n: d.table }));
  return parts.join(' ');
}

/** What a file gave: department, year and counts. */
export function foundText(f: FileReport, t: Messages): string {
  if (!f.ok) return '';
  return fill(t.importFoundText, {
    department: f.department ?? t.unknown,
    year: f.year ?? t.unknown,
    projects: f.projects,
    indicators: f.indicators,
  });
}

/** The report as a table for CSV: one row per diagnostic (or one per file without any), header first. */
export function reportTable(report: ImportReport, t: Messages): string[][] {
  const header = [t.file, t.importKind, t.importStatus, t.importFound, t.importLevel, t.importWhere, t.diagnostics];
  const rows: string[][] = [header];
  for (const f of report.files) {
    const status = f.ok ? (f.replaced ? t.importReplaced : t.importOk) : t.importNotOk;
    const head = [f.name, f.kind ?? '', status, f.ok ? foundText(f, t) : errorText(f, t)];
    const lines = [
      ...f.notes.map((n) => ['', '', n]),
      ...f.diagnostics.map((d) => [t[d.severity], whereText(d, t), `${d.code} ${d.message}`]),
    ];
    if (lines.length === 0) rows.push([...head, '', '', '']);
    for (const line of lines) rows.push([...head, ...line]);
  }
  for (const name of report.skipped) rows.push([name, '', t.importNotOk, t.errUnsupported, '', '', '']);
  return rows;
}
