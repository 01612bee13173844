/**
 * SQL of the SQL console (SQL 查询): the schema listing beside the editor and the example queries.
 * Example SQL is shown to the analyst as written, so it is formatted for reading.
 */
import { GRADE_SQL } from '../rules';
import { TABLES } from './schema';
import { ident } from './sql';

/** The query the editor starts with. */
export const DEFAULT_CONSOLE_SQL = `SELECT department, year, projects, indicators, budget_wan
FROM department_summary
ORDER BY budget_wan DESC`;

/** Row of {@link SCHEMA_QUERY}: one column of a table or view. */
export interface SchemaColumnRow extends Record<string, unknown> {
  schema_name: string;
  table_name: string;
  is_view: boolean;
  column_name: string;
  data_type: string;
  /** True when the name is a reserved word and must be quoted. */
  table_reserved: boolean;
  column_reserved: boolean;
}

/** Every column of the tables and views an analyst can query (schemas `main` and `rules`), in table order. */
export const SCHEMA_QUERY = `WITH reserved AS (SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved')
SELECT c.table_schema AS schema_name, c.table_name, v.view_name IS NOT NULL AS is_view,
       c.column_name, c.data_type,
       lower(c.table_name) IN (SELECT keyword_name FROM reserved) AS table_reserved,
       lower(c.column_name) IN (SELECT keyword_name FROM reserved) AS column_reserved
FROM information_schema.columns c
LEFT JOIN duckdb_views() v
  ON v.database_name = c.table_catalog AND v.schema_name = c.table_schema AND v.view_name = c.table_name
 AND NOT v.internal
WHERE c.table_catalog = current_database() AND c.table_schema IN ('main', 'rules')
ORDER BY c.table_schema, c.table_name, c.ordinal_position`;

/**
 * Groups of the schema listing: the tables documents are loaded into (`schema.ts`), everything derived
 * from them in `main` (summary views, findings, scores; views or materialised tables), the `rules` schema.
 */
export type SchemaGroupId = 'tables' | 'views' | 'rules';

/** A table or view with its columns, as listed beside the editor. */
export interface SchemaTable {
  schema: string;
  name: string;
  /** Name to insert into the editor: qualified outside `main`, quoted when not a plain identifier. */
  sqlName: string;
  isView: boolean;
  columns: { name: string; sqlName: string; type: string }[];
}

/** The schema listing, grouped. */
export type SchemaGroups = Record<SchemaGroupId, SchemaTable[]>;

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A name as it can be typed into SQL: bare when it is a plain lower-case identifier, else `"quoted"`.
 * @param reserved the name is a reserved word (`duckdb_keywords()`), so it is quoted too
 */
export function sqlName(name: string, reserved = false): string {
  return PLAIN_IDENTIFIER.test(name) && !reserved ? name : ident(name);
}

const SOURCE_TABLES: ReadonlySet<string> = new Set(TABLES.map((t) => t.name));

/**
 * Groups the rows of {@link SCHEMA_QUERY} by table, and the tables into {@link SchemaGroupId}s.
 * @param sourceTables names of the loaded tables (the rest of `main` is derived)
 */
export function groupSchema(
  rows: readonly SchemaColumnRow[],
  sourceTables: ReadonlySet<string> = SOURCE_TABLES,
): SchemaGroups {
  const groups: SchemaGroups = { tables: [], views: [], rules: [] };
  const byKey = new Map<string, SchemaTable>();
  for (const r of rows) {
    const key = `${r.schema_name}.${r.table_name}`;
    let table = byKey.get(key);
    if (!table) {
      table = {
        schema: r.schema_name,
        name: r.table_name,
        sqlName:
          r.schema_name === 'main'
            ? sqlName(r.table_name, r.table_reserved)
            : `${sqlName(r.schema_name)}.${sqlName(r.table_name, r.table_reserved)}`,
        isView: r.is_view,
        columns: [],
      };
      byKey.set(key, table);
      const source = r.schema_name === 'main' && sourceTables.has(r.table_name) && !r.is_view;
      groups[r.schema_name === 'rules' ? 'rules' : source ? 'tables' : 'views'].push(table);
    }
    table.columns.push({ name: r.column_name, sqlName: sqlName(r.column_name, r.column_reserved), type: r.data_type });
  }
  return groups;
}

/** An example query of the console, with a bilingual title. */
export interface ExampleQuery {
  id: string;
  title: { zh: string; en: string };
  sql: string;
}

/** Example queries offered beside the editor; each runs on the app's schema (tested on the Node engine). */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'share_ge95',
    title: { zh: '“≥95%”指标值占比（按部门）', en: 'Share of “≥95%” values by department' },
    sql: `SELECT department,
       round(100.0 * count(*) FILTER (WHERE value_kind = 'percent' AND comparator = '≥' AND value_num = 95)
             / count(*), 1) AS ge95_share_pct,
       count(*) FILTER (WHERE value_kind = 'percent' AND comparator = '≥' AND value_num = 95) AS ge95,
       count(*) AS indicators
FROM indicators
GROUP BY department
ORDER BY ge95_share_pct DESC`,
  },
  {
    id: 'findings_by_rule',
    title: { zh: '各规则发现的问题数', en: 'Findings by rule' },
    sql: `SELECT title_zh AS rule, rule_id, severity, count(*) AS findings
FROM findings
GROUP BY ALL
ORDER BY findings DESC, rule_id`,
  },
  {
    id: 'budget_by_department',
    title: { zh: '各部门预算（万元）', en: 'Budget by department (10k yuan)' },
    sql: `SELECT department, round(sum(budget_wan), 2) AS budget_wan
FROM projects
GROUP BY department
ORDER BY budget_wan DESC`,
  },
  {
    id: 'schedule_by_month',
    title: { zh: '分月累计支出进度（按预算加权）', en: 'Spending schedule by month (budget-weighted)' },
    sql: `SELECT s.month,
       round(sum(s.share_pct * p.budget_wan) / sum(p.budget_wan), 1) AS weighted_share_pct,
       round(avg(s.share_pct), 1) AS mean_share_pct
FROM schedule s JOIN projects p USING (project_id)
WHERE s.share_pct IS NOT NULL AND p.budget_wan > 0
GROUP BY s.month
ORDER BY s.month`,
  },
  {
    id: 'projects_most_high',
    title: { zh: '严重问题最多的项目', en: 'Projects with the most high findings' },
    sql: `SELECT name AS project_name, department, high_findings, findings, score
FROM project_scores
WHERE high_findings > 0
ORDER BY high_findings DESC, findings DESC, score
LIMIT 20`,
  },
  {
    id: 'department_scores',
    title: { zh: '部门得分与等级', en: 'Department scores and grades' },
    sql: `SELECT department, year, score,
       ${GRADE_SQL('score')} AS grade,
       findings, high_findings
FROM department_scores
ORDER BY score DESC`,
  },
];
