/** A finding as the findings CLI prints it. */
export interface FindingJson extends Record<string, unknown> {
  rule: string;
  category: string;
  severity: 'high' | 'warning' | 'info';
  file: string;
  /** Table number (项目序号) of the project, or null for a document-level finding. */
  project: number | null;
  /** 0-based row within the project's indicators, or null for a project- or document-level finding. */
  indicator: number | null;
  message: string;
  title: string;
  suggestion: string;
  projectName: string | null;
  budgetWan: number | null;
}

/** The findings in a stable order: file, project, indicator row, rule. */
export const FINDINGS_JSON_SQL = `SELECT rule_id AS rule, category, severity, file, seq AS project, row_no AS indicator, message,
       title_zh AS title, suggestion, project_name AS "projectName", budget_wan AS "budgetWan"
FROM findings
ORDER BY file, seq NULLS FIRST, row_no NULLS FIRST, rule_id, message`;
