import type { Db } from '../db';
import { ident, literal, qualified } from '../db/sql';
import { RULES } from './catalog';
import type { Rule } from './define';
import { CATALOG, RULES_SCHEMA } from './names';

export { grade } from './grade';

/** Penalty per finding by severity, and how many findings of one rule count at most (so one repeated fault does not zero a score). */
export const PENALTY = { high: 10, warning: 5, info: 1 } as const;
export const MAX_COUNTED_PER_RULE = 3;

/**
 * Installs the rules: `rules.<id>` views, the `rules.catalog` table, the `rules.all_findings` view
 * that unions every rule with its metadata, document/project/indicator context and the budget at
 * stake, its materialisation `findings` (so dashboards do not re-run 30 rules on every click), and
 * the score tables `project_scores`, `department_scores` and `region_scores` made from it.
 * `precomputed`: a table of {@link RAW_FINDING_COLUMNS} rows the same rules produced earlier (at
 * ingest, for a dataset too large to judge quickly in the browser); `findings` is made from it.
 */
export async function installRules(
  db: Db,
  rules: readonly Rule[] = RULES,
  options: { precomputed?: string } = {},
): Promise<void> {
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${ident(RULES_SCHEMA)}`);
  for (const r of rules) await db.exec(`CREATE OR REPLACE VIEW ${qualified(RULES_SCHEMA, r.id)} AS ${r.sql}`);
  await db.exec(`CREATE OR REPLACE TABLE ${CATALOG} (
  rule_id VARCHAR, category VARCHAR, severity VARCHAR, source VARCHAR, title_zh VARCHAR, title_en VARCHAR, rationale VARCHAR, suggestion VARCHAR, penalty INTEGER)`);
  if (rules.length)
    await db.exec(
      `INSERT INTO ${CATALOG} VALUES ${rules
        .map(
          (r) =>
            `(${[r.id, r.category, r.severity, r.source, r.title.zh, r.title.en, r.rationale, r.suggestion].map(literal).join(', ')}, ${PENALTY[r.severity]})`,
        )
        .join(',\n')}`,
    );
  await db.exec(`CREATE OR REPLACE VIEW ${qualified(RULES_SCHEMA, 'all_findings')} AS ${withContext(unionOf(rules))}`);
  if (options.precomputed) {
    // Findings computed at ingest (`npm run ingest -- --findings`) by these same rules: only the
    // context join runs here, not the 30 rules (46 s at province size in DuckDB-WASM).
    await db.exec(
      `CREATE OR REPLACE TABLE findings AS ${withContext(`SELECT ${RAW_FINDING_COLUMNS.join(', ')} FROM ${ident(options.precomputed)}`)}`,
    );
    await refreshScores(db);
  } else await refreshFindings(db);
}

/** What a rule yields per finding; the rest of a `findings` row is context joined from the tables. */
export const RAW_FINDING_COLUMNS = ['rule_id', 'doc_id', 'project_id', 'indicator_id', 'message'] as const;

function unionOf(rules: readonly Rule[]): string {
  return rules.length
    ? rules
        .map(
          (r) =>
            `SELECT ${literal(r.id)} AS rule_id, doc_id, project_id, indicator_id, message FROM ${qualified(RULES_SCHEMA, r.id)}`,
        )
        .join('\nUNION ALL\n')
    : 'SELECT NULL::VARCHAR AS rule_id, NULL::VARCHAR AS doc_id, NULL::VARCHAR AS project_id, NULL::VARCHAR AS indicator_id, NULL::VARCHAR AS message WHERE FALSE';
}

/** A findings row: the rule's raw finding (`raw`) with its catalogue entry, document, project and indicator. */
function withContext(raw: string): string {
  return `
SELECT f.rule_id, c.category, c.severity, c.title_zh, c.suggestion, c.source,
       f.doc_id, d.file, d.year, d.region, d.department,
       f.project_id, p.seq, p.name AS project_name, p.unit_name,
       f.indicator_id, i.row_no, i.level1, i.level2, i.level3, i.value_raw,
       f.message,
       coalesce(p.budget_wan, CASE WHEN f.project_id IS NULL THEN d.budget_wan END) AS budget_wan
FROM (${raw}) f
JOIN ${CATALOG} c USING (rule_id)
JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN projects p ON p.project_id = f.project_id
LEFT JOIN indicators i ON i.indicator_id = f.indicator_id`;
}

/**
 * A fingerprint of the rule catalogue (ids, severities and SQL): precomputed findings are used only
 * when they were made by the same rules as the app's (FNV-1a, hex).
 */
export function rulesFingerprint(rules: readonly Rule[] = RULES): string {
  let h = 0x811c9dc5;
  for (const r of rules)
    for (const ch of `${r.id}\u0000${r.severity}\u0000${r.sql}\u0000`) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  return h.toString(16).padStart(8, '0');
}

/** The same grade in SQL, for views and the console. */
export const GRADE_SQL = (column: string) =>
  `CASE WHEN ${column} >= 90 THEN '优' WHEN ${column} >= 80 THEN '良' WHEN ${column} >= 60 THEN '中' ELSE '差' END`;

/**
 * Re-runs every rule into the `findings` table and remakes the score tables. Call after the
 * documents change (an import).
 */
export async function refreshFindings(db: Db): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE findings AS SELECT * FROM ${qualified(RULES_SCHEMA, 'all_findings')}`);
  await refreshScores(db);
}

/**
 * The scores as tables, remade with the findings: every dashboard click reads them, and as views
 * over a province's findings (a million rows) each read would redo the whole computation.
 */
async function refreshScores(db: Db): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE project_scores AS
WITH per_rule AS (
  SELECT project_id, rule_id, any_value(severity) AS severity, count(*) AS n, least(count(*), ${MAX_COUNTED_PER_RULE}) * any_value(c.penalty) AS penalty
  FROM findings JOIN ${CATALOG} c USING (rule_id, severity)
  WHERE project_id IS NOT NULL GROUP BY project_id, rule_id
)
SELECT p.project_id, p.doc_id, p.year, p.region, p.department, p.seq, p.name, p.budget_wan,
       greatest(0, 100 - coalesce(sum(r.penalty), 0)) AS score,
       coalesce(sum(r.n), 0) AS findings,
       coalesce(sum(r.n) FILTER (WHERE r.severity = 'high'), 0) AS high_findings
FROM projects p LEFT JOIN per_rule r USING (project_id)
GROUP BY ALL`);
  await db.exec(`CREATE OR REPLACE TABLE department_scores AS
WITH doc_level AS (
  SELECT doc_id, sum(least(n, 1) * penalty) AS penalty, sum(n) AS n FROM (
    SELECT doc_id, rule_id, count(*) AS n, any_value(c.penalty) AS penalty
    FROM findings JOIN ${CATALOG} c USING (rule_id, severity)
    WHERE project_id IS NULL GROUP BY doc_id, rule_id) GROUP BY doc_id
), weighted AS (
  SELECT doc_id, sum(score * coalesce(budget_wan, 0)) / nullif(sum(coalesce(budget_wan, 0)), 0) AS by_budget, avg(score) AS plain,
         sum(findings) AS findings, sum(high_findings) AS high_findings,
         sum(CASE WHEN high_findings > 0 THEN budget_wan ELSE 0 END) AS budget_with_high_wan
  FROM project_scores GROUP BY doc_id
)
SELECT d.doc_id, d.year, d.region, d.department, d.budget_wan, d.project_count,
       round(greatest(0, coalesce(w.by_budget, w.plain, 100) - coalesce(l.penalty, 0)), 1) AS score,
       coalesce(w.findings, 0) + coalesce(l.n, 0) AS findings, coalesce(w.high_findings, 0) AS high_findings,
       coalesce(w.budget_with_high_wan, 0) AS budget_with_high_wan
FROM documents d LEFT JOIN weighted w USING (doc_id) LEFT JOIN doc_level l USING (doc_id)`);
  // Hits and budget at stake per rule and document, as ruleHitsCtes counts them (distinct projects,
  // or the document for department-level findings): sums over documents give the overview's figures.
  await db.exec(`CREATE OR REPLACE TABLE rollup_rule_hits AS
WITH hits AS (
  SELECT doc_id, year, region, department, rule_id, severity, count(*) AS hits
  FROM findings GROUP BY doc_id, year, region, department, rule_id, severity
), stake AS (
  SELECT doc_id, rule_id, sum(budget_wan) AS stake_wan
  FROM (SELECT DISTINCT rule_id, doc_id, project_id, budget_wan FROM findings) GROUP BY doc_id, rule_id
)
SELECT h.*, s.stake_wan FROM hits h LEFT JOIN stake s USING (doc_id, rule_id)`);
  await db.exec(`CREATE OR REPLACE TABLE region_scores AS
SELECT year, region, count(*) AS departments, round(sum(budget_wan), 2) AS budget_wan,
       round(sum(score * budget_wan) / nullif(sum(budget_wan), 0), 1) AS score, sum(findings) AS findings
FROM department_scores GROUP BY year, region`);
}
