/**
 * Views analysts can query directly (also from the SQL console). Each is plain SQL over the tables
 * of `schema.ts`; money in 万元, shares in percent.
 */
export interface ViewSpec {
  name: string;
  doc: string;
  sql: string;
}

export const VIEWS: ViewSpec[] = [
  {
    name: 'department_summary',
    doc: 'per department and year: projects, indicators, budget (万元), parse problems',
    sql: `SELECT d.year, d.region, d.department, d.doc_id,
       d.project_count AS projects, d.indicator_count AS indicators,
       d.budget_wan, round(d.budget_wan / nullif(d.project_count, 0), 2) AS avg_project_wan,
       d.error_count, d.warning_count
FROM documents d`,
  },
  {
    name: 'region_summary',
    doc: 'per region and year: departments, projects, indicators, budget (万元)',
    sql: `SELECT year, region, count(*) AS departments, sum(project_count) AS projects,
       sum(indicator_count) AS indicators, round(sum(budget_wan), 2) AS budget_wan
FROM documents GROUP BY year, region`,
  },
  {
    name: 'schedule_by_month',
    doc: 'per department, year and month: projects with a printed share, simple and budget-weighted mean cumulative share (%)',
    sql: `SELECT s.year, s.region, s.department, s.doc_id, s.month,
       count(s.share_pct) AS projects_with_share,
       round(avg(s.share_pct), 2) AS mean_share_pct,
       round(sum(s.share_pct * p.budget_wan) / nullif(sum(CASE WHEN s.share_pct IS NOT NULL THEN p.budget_wan END), 0), 2) AS weighted_share_pct,
       round(sum(s.amount_wan), 2) AS amount_wan
FROM schedule s JOIN projects p USING (project_id)
GROUP BY s.year, s.region, s.department, s.doc_id, s.month`,
  },
  {
    name: 'indicator_mix',
    doc: 'per department and year: indicator rows by level 1 and level 2, with their share of the department',
    sql: `SELECT year, region, department, doc_id, level1, level2, count(*) AS indicators,
       round(100.0 * count(*) / sum(count(*)) OVER (PARTITION BY doc_id), 2) AS share_pct
FROM indicators GROUP BY year, region, department, doc_id, level1, level2`,
  },
  {
    name: 'value_kinds',
    doc: 'per department, year and level 2: how target values are written (comparator and kind)',
    sql: `SELECT year, region, department, doc_id, level2, coalesce(comparator, '') AS comparator, value_kind,
       count(*) AS indicators
FROM indicators GROUP BY year, region, department, doc_id, level2, comparator, value_kind`,
  },
];
