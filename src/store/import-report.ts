import type { Severity } from '../parse';
import type { FileOutcome, ImportErrorCode } from '../worker';

/** One thing a file's reading could not do, and where: page (PDF), line (text) and table number. */
export interface ReportDiagnostic {
  severity: Severity;
  code: string;
  message: string;
  page: number | null;
  line: number | null;
  table: number | null;
}

/** What one file of an import gave: its summary and diagnostics, or why it was not imported. */
export interface FileReport {
  name: string;
  kind: string | null;
  size: number;
  ok: boolean;
  error: ImportErrorCode | null;
  detail: string;
  /** A document of the same id was there before and was replaced. */
  replaced: boolean;
  department: string | null;
  year: number | null;
  projects: number;
  indicators: number;
  diagnostics: ReportDiagnostic[];
  notes: string[];
}

/** The report of one import run. */
export interface ImportReport {
  /** ISO time the import started. */
  at: string;
  seconds: number;
  files: FileReport[];
  /** Files in dropped folders that were not of a supported kind. */
  skipped: string[];
}

/** The report line of one file's outcome. */
export function fileReport(outcome: FileOutcome, replaced: boolean): FileReport {
  const base = { name: outcome.name, kind: outcome.kind, size: outcome.size, replaced };
  if (!outcome.ok)
    return {
      ...base,
      ok: false,
      error: outcome.code,
      detail: outcome.detail,
      replaced: false,
      department: null,
      year: null,
      projects: 0,
      indicators: 0,
      diagnostics: [],
      notes: [],
    };
  const { document, diagnostics } = outcome.result;
  const page = (line: number | null) => (line !== null && outcome.pages ? (outcome.pages[line - 1] ?? null) : null);
  return {
    ...base,
    ok: true,
    error: null,
    detail: '',
    department: document.department,
    year: document.year,
    projects: document.projects.length,
    indicators: document.projects.reduce((n, p) => n + p.indicators.length, 0),
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      page: page(d.line),
      // A line of text rebuilt from a PDF or Word file means nothing to the reader; its page and table do.
      line: outcome.kind === 'text' || outcome.kind === 'markdown' || outcome.kind === 'html' ? d.line : null,
      table: d.project,
    })),
    notes: outcome.notes,
  };
}
