import { literal } from './sql';

/** Row of the documents list. */
export interface DocumentRow extends Record<string, unknown> {
  doc_id: string;
  file: string;
  department: string | null;
  region: string | null;
  year: number | null;
  year_inferred: boolean;
  project_count: number;
  indicator_count: number;
  budget_wan: number;
  diagnostic_count: number;
}

/** Row of a document's projects list. */
export interface ProjectRow extends Record<string, unknown> {
  project_id: string;
  seq: number;
  code: string | null;
  name: string;
  budget_wan: number | null;
  indicator_count: number;
}

/** Row of a document's diagnostics list. */
export interface DiagnosticRow extends Record<string, unknown> {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  line: number | null;
  seq: number | null;
}

/** Every document with its counts, by file name. */
export function documentsQuery(): string {
  return `SELECT d.doc_id, d.file, d.department, d.region, d.year, d.year_inferred, d.project_count, d.indicator_count,
       d.budget_wan, (SELECT count(*) FROM diagnostics g WHERE g.doc_id = d.doc_id) AS diagnostic_count
FROM documents d ORDER BY d.file`;
}

/** The projects of one document, by table number. */
export function projectsQuery(docId: string): string {
  return `SELECT project_id, seq, code, name, budget_wan, indicator_count FROM projects
WHERE doc_id = ${literal(docId)} ORDER BY seq, project_id`;
}

/** The parse diagnostics of one document, in source order. */
export function diagnosticsQuery(docId: string): string {
  return `SELECT severity, code, message, line, seq FROM diagnostics
WHERE doc_id = ${literal(docId)} ORDER BY line NULLS LAST, code`;
}
