import type { SqlFilters } from './filters';
import { filterWhere } from './filters';
import { literal } from './sql';

/** Queries of the years view (年度对比). Pairs are chosen by their two years; region and department filter. */

/** The two years compared, and the shared filters without the year (the view picks years itself). */
export interface YearPick {
  fromYear: number;
  toYear: number;
  filters: SqlFilters;
}

function pairWhere(p: YearPick): string {
  return `from_year = ${literal(p.fromYear)} AND to_year = ${literal(p.toYear)} AND ${filterWhere({ ...p.filters, year: null })}`;
}

export interface YearPairRow extends Record<string, unknown> {
  from_year: number;
  to_year: number;
  departments: number;
}

/** Pairs of years that some department has documents for, most recent first. */
export function yearPairsQuery(): string {
  return `SELECT from_year, to_year, count(*) AS departments FROM year_doc_pairs
GROUP BY ALL ORDER BY to_year DESC, from_year DESC`;
}

export interface DepartmentChangeRow extends Record<string, unknown> {
  department: string;
  region: string | null;
  from_doc: string;
  to_doc: string;
  from_budget_wan: number | null;
  to_budget_wan: number | null;
  budget_change_pct: number | null;
  from_score: number | null;
  to_score: number | null;
  score_change: number | null;
  from_projects: number;
  to_projects: number;
}

/** Budget, projects and quality score of each department in both years. */
export function departmentChangesQuery(p: YearPick): string {
  return `SELECT department, region, from_doc, to_doc, from_budget_wan, to_budget_wan, budget_change_pct,
       from_score, to_score, score_change, from_projects, to_projects
FROM year_score_changes WHERE ${pairWhere(p)} ORDER BY to_budget_wan DESC NULLS LAST, department`;
}

export interface ProjectChangeRow extends Record<string, unknown> {
  department: string;
  from_project: string | null;
  to_project: string | null;
  method: 'code' | 'stable-code' | 'name' | 'new' | 'discontinued';
  confidence: number | null;
  from_name: string | null;
  to_name: string | null;
  from_code: string | null;
  to_code: string | null;
  from_budget_wan: number | null;
  to_budget_wan: number | null;
  budget_change_pct: number | null;
  from_score: number | null;
  to_score: number | null;
  lowered: number;
  raised: number;
  copied: number;
}

/** Every project of both years: matched (how, how sure), new or discontinued, with budgets, scores and target changes. */
export function projectChangesQuery(p: YearPick): string {
  return `WITH counts AS (
  SELECT from_project, to_project,
         count(*) FILTER (WHERE easier) AS lowered, count(*) FILTER (WHERE easier = false) AS raised,
         count(*) FILTER (WHERE change = 'unchanged') AS copied
  FROM year_indicator_changes WHERE ${pairWhere(p)} GROUP BY ALL)
SELECT c.department, c.from_project, c.to_project, c.method, c.confidence, c.from_name, c.to_name, c.from_code, c.to_code,
       c.from_budget_wan, c.to_budget_wan, c.budget_change_pct, c.from_score, c.to_score,
       coalesce(n.lowered, 0) AS lowered, coalesce(n.raised, 0) AS raised, coalesce(n.copied, 0) AS copied
FROM year_project_score_changes c LEFT JOIN counts n USING (from_project, to_project)
WHERE ${pairWhere(p)}
ORDER BY c.department, c.method IN ('new', 'discontinued'), c.to_seq NULLS LAST, c.from_seq`;
}

export interface TargetChangeRow extends Record<string, unknown> {
  department: string;
  to_project: string;
  project_name: string;
  level2: string | null;
  level3: string | null;
  from_value: string | null;
  to_value: string | null;
  change: string;
  from_budget_wan: number | null;
  to_budget_wan: number | null;
  budget_change_pct: number | null;
}

const TARGET_COLUMNS = `department, to_project, project_name, level2, level3, from_value, to_value, change,
       from_budget_wan, to_budget_wan, budget_change_pct`;

/** Targets made easier while the project's budget grew (the auditor's first question). */
export function loweredTargetsQuery(p: YearPick): string {
  return `SELECT ${TARGET_COLUMNS} FROM year_targets_lowered WHERE ${pairWhere(p)}
ORDER BY budget_change_pct DESC, department, to_seq, level3`;
}

/** Targets copied unchanged while the project's budget moved. */
export function copiedTargetsQuery(p: YearPick): string {
  return `SELECT ${TARGET_COLUMNS} FROM year_targets_copied WHERE ${pairWhere(p)}
ORDER BY abs(budget_change_pct) DESC, department, to_seq, level3`;
}

export interface IndicatorDiffRow extends Record<string, unknown> {
  level1: string | null;
  level2: string | null;
  level3: string | null;
  from_value: string | null;
  to_value: string | null;
  change: string;
  easier: boolean | null;
}

/** One matched project's indicators, the two years side by side. */
export function indicatorDiffQuery(fromProject: string | null, toProject: string | null): string {
  const where = [
    fromProject === null ? 'from_project IS NULL' : `from_project = ${literal(fromProject)}`,
    toProject === null ? 'to_project IS NULL' : `to_project = ${literal(toProject)}`,
  ].join(' AND ');
  return `SELECT level1, level2, level3, from_value, to_value, change, easier FROM year_indicator_changes
WHERE ${where} ORDER BY coalesce((SELECT row_no FROM indicators WHERE indicator_id = to_indicator), 1000),
  (SELECT row_no FROM indicators WHERE indicator_id = from_indicator)`;
}
