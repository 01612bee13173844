import { CATALOG, severityRank } from '../rules/names';
import { filterWhere, type SqlFilters } from './filters';
import { literal } from './sql';

/** Queries of the overview (总览) and the department/project pages; all take the shared filters. */

/** Departments the overview's bar charts show at most (largest budgets, weakest scores); a province has 9,000. */
export const TOP_DEPARTMENTS = 30;

/** Leaves the budget treemap draws at most: projects, else departments, else regions. */
export const TREEMAP_LEAVES = 400;

export interface Headline extends Record<string, unknown> {
  budget_wan: number | null;
  departments: number;
  projects: number;
  indicators: number;
  /** Documents (one per department and year). */
  documents: number;
}

/** Headline figures that need only the documents: total budget, departments, projects, indicators. */
export function headlineQuery(f: SqlFilters): string {
  const w = filterWhere(f);
  return `SELECT round(sum(budget_wan), 2) AS budget_wan, count(DISTINCT department) AS departments,
       sum(project_count) AS projects, sum(indicator_count) AS indicators, count(*) AS documents
FROM documents WHERE ${w}`;
}

export interface QualityHeadline extends Record<string, unknown> {
  score: number | null;
  high_share_pct: number | null;
  findings: number | null;
}

/** Headline figures from the rules: budget-weighted score, share of budget in projects with high findings. */
export function qualityHeadlineQuery(f: SqlFilters): string {
  return `SELECT round(sum(score * budget_wan) / nullif(sum(budget_wan), 0), 1) AS score,
       round(100 * sum(budget_with_high_wan) / nullif(sum(budget_wan), 0), 1) AS high_share_pct,
       sum(findings) AS findings
FROM department_scores WHERE ${filterWhere(f)}`;
}

export interface BudgetRow extends Record<string, unknown> {
  doc_id: string;
  department: string;
  region: string;
  year: number;
  budget_wan: number;
  projects: number;
}

/** Budget by department (one row per document, the `limit` largest), from the documents alone. */
export function budgetByDepartmentQuery(f: SqlFilters, limit = TOP_DEPARTMENTS): string {
  return `SELECT doc_id, department, region, year, budget_wan, project_count AS projects
FROM documents WHERE ${filterWhere(f)} ORDER BY budget_wan DESC, department LIMIT ${Math.max(1, Math.floor(limit))}`;
}

export interface DepartmentRow extends BudgetRow {
  score: number;
  findings: number;
  high_findings: number;
}

/** Departments (one row per document) with budget and score; all of them, or the first `limit`. */
export function departmentsQuery(f: SqlFilters, order: 'budget' | 'score' = 'budget', limit?: number): string {
  return `SELECT doc_id, department, region, year, budget_wan, project_count AS projects, score, findings, high_findings
FROM department_scores WHERE ${filterWhere(f)}
ORDER BY ${order === 'budget' ? 'budget_wan DESC' : 'score ASC'}, department${limit === undefined ? '' : ` LIMIT ${Math.max(1, Math.floor(limit))}`}`;
}

/** A leaf of the budget treemap: a project, or (when there are too many) a department or a region. */
export interface TreeRow extends Record<string, unknown> {
  region: string;
  department: string | null;
  project_id: string | null;
  name: string | null;
  budget_wan: number;
}

/**
 * The budget treemap's leaves: projects with their region and department when at most `leaves`;
 * else departments (documents' budgets) when at most `leaves`; else regions.
 */
export function budgetTreeQuery(f: SqlFilters, leaves = TREEMAP_LEAVES): string {
  const w = filterWhere(f);
  const n = Math.max(1, Math.floor(leaves));
  return `WITH n AS (SELECT coalesce(sum(project_count), 0) AS projects, count(*) AS documents FROM documents WHERE ${w})
SELECT region, department, project_id, seq || '. ' || name AS name, budget_wan
FROM projects WHERE ${w} AND budget_wan > 0 AND (SELECT projects FROM n) <= ${n}
UNION ALL
SELECT region, department, NULL, NULL, budget_wan
FROM documents WHERE ${w} AND budget_wan > 0 AND (SELECT projects FROM n) > ${n} AND (SELECT documents FROM n) <= ${n}
UNION ALL
SELECT region, NULL, NULL, NULL, sum(budget_wan)
FROM documents WHERE ${w} AND budget_wan > 0 AND (SELECT documents FROM n) > ${n} GROUP BY region
ORDER BY region, department NULLS FIRST, budget_wan DESC`;
}

export interface ScheduleRow extends Record<string, unknown> {
  month: number;
  weighted_share_pct: number | null;
  projects: number;
}

/** Budget-weighted cumulative share by month over projects that print that month (from `rollup_schedule`). */
export function scheduleQuery(f: SqlFilters): string {
  return `SELECT month, round(sum(share_x_budget) / nullif(sum(budget_wan), 0), 1) AS weighted_share_pct,
       CAST(sum(projects) AS BIGINT) AS projects
FROM rollup_schedule WHERE ${filterWhere(f)}
GROUP BY month ORDER BY month`;
}

export interface MixRow extends Record<string, unknown> {
  level1: string;
  level2: string;
  indicators: number;
}

/** Indicator rows by level 1 and level 2 (from `rollup_indicator_mix`). */
export function indicatorMixQuery(f: SqlFilters): string {
  return `SELECT level1, level2, CAST(sum(indicators) AS BIGINT) AS indicators FROM rollup_indicator_mix WHERE ${filterWhere(f)}
GROUP BY level1, level2 ORDER BY level1, indicators DESC`;
}

export interface ProblemRow extends Record<string, unknown> {
  rule_id: string;
  title_zh: string;
  title_en: string;
  severity: 'high' | 'warning' | 'info';
  findings: number;
  budget_wan: number | null;
}

/**
 * The most frequent problems (warnings and high), with the budget at stake counted as in the rule
 * list of the review page (`ruleHitsCtes`): distinct projects, or documents for department-level
 * findings; from `rollup_rule_hits`, which holds those counts per document.
 */
export function topProblemsQuery(f: SqlFilters, limit = 10): string {
  return `WITH h AS (
  SELECT rule_id, CAST(sum(hits) AS BIGINT) AS hits, round(sum(stake_wan), 2) AS budget_wan
  FROM rollup_rule_hits WHERE ${filterWhere(f)} AND severity <> 'info' GROUP BY rule_id
)
SELECT c.rule_id, c.title_zh, c.title_en, c.severity, h.hits AS findings, h.budget_wan
FROM h JOIN ${CATALOG} c USING (rule_id)
ORDER BY h.hits DESC, c.rule_id LIMIT ${Math.max(1, Math.floor(limit))}`;
}

export interface DeptProjectRow extends Record<string, unknown> {
  project_id: string;
  seq: number;
  name: string;
  budget_wan: number | null;
  score: number;
  findings: number;
  high_findings: number;
  m3: number | null;
  m6: number | null;
  m10: number | null;
  m12: number | null;
}

/** A document's projects with score and schedule shares. */
export function departmentProjectsQuery(docId: string): string {
  return `SELECT ps.project_id, ps.seq, ps.name, ps.budget_wan, ps.score, ps.findings, ps.high_findings,
       max(s.share_pct) FILTER (WHERE s.month = 3) AS m3, max(s.share_pct) FILTER (WHERE s.month = 6) AS m6,
       max(s.share_pct) FILTER (WHERE s.month = 10) AS m10, max(s.share_pct) FILTER (WHERE s.month = 12) AS m12
FROM project_scores ps LEFT JOIN schedule s USING (project_id)
WHERE ps.doc_id = ${literal(docId)}
GROUP BY ALL ORDER BY ps.seq, ps.project_id`;
}

/** One project's header fields. */
export function projectQuery(projectId: string): string {
  return `SELECT p.*, ps.score, d.file, d.year_inferred,
       (SELECT list(project_id ORDER BY seq, project_id) FROM projects q WHERE q.doc_id = p.doc_id) AS siblings
FROM projects p JOIN project_scores ps USING (project_id) JOIN documents d ON d.doc_id = p.doc_id
WHERE p.project_id = ${literal(projectId)}`;
}

/** One project's schedule rows. */
export function projectScheduleQuery(projectId: string): string {
  return `SELECT month, printed, share_pct, amount_wan FROM schedule WHERE project_id = ${literal(projectId)} ORDER BY month`;
}

/** One project's indicator rows. */
export function projectIndicatorsQuery(projectId: string): string {
  return `SELECT indicator_id, row_no, level1, level2, level3, description, value_raw, comparator, value_num, value_unit, value_kind, basis
FROM indicators WHERE project_id = ${literal(projectId)} ORDER BY row_no`;
}

/** One project's findings (project- and indicator-level). */
export function projectFindingsQuery(projectId: string): string {
  return `SELECT rule_id, severity, title_zh, message, suggestion, source, indicator_id, row_no
FROM findings WHERE project_id = ${literal(projectId)}
ORDER BY row_no NULLS FIRST, ${severityRank()}, rule_id`;
}
