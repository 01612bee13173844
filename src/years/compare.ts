/**
 * Comparing years (年度对比): which department, project and indicator of one year is which of another,
 * and what changed. Matching is stored in the table `year_project_matches` (refreshed after every load
 * or import, and when the user changes the name-similarity threshold); everything else is views.
 *
 * Matching, in order, one to one within a department's pair of documents:
 * 1. the same 项目编码 (confidence 1);
 * 2. the same stable part of the code — the code without digits 7-8, the year it was set up — for
 *    codes re-issued in a new year (confidence 0.95);
 * 3. name similarity at or above the threshold (default 0.6), mutual best matches first: the Dice
 *    coefficient of the character bigrams of the two names after removing years, spaces and
 *    punctuation ("2024年法律顾问经费" and "法律顾问专项经费" share 4 of their 5 + 7 bigrams: 0.67).
 *    Confidence = the similarity.
 * Departments are matched by name within a region, or by a shared 预算单位 code within a region code
 * (a department renamed between the years). Indicators within
 * matched projects are matched by 三级指标 name (brackets and spaces removed), then by 绩效指标描述,
 * the n-th row of a name with the n-th row of the same name.
 */
import type { Db } from '../db';

/** The default name-similarity threshold (Dice of character bigrams). */
export const DEFAULT_THRESHOLD = 0.6;

/** Budget changes smaller than this share count as "unchanged" (rounding in printed budgets). */
export const BUDGET_MOVE = 0.01;

/** Macros and views of the comparison; they read documents, projects, indicators and (for scores) the rules. */
const SETUP = [
  `CREATE OR REPLACE MACRO year_norm_name(s) AS
     regexp_replace(regexp_replace(coalesce(s, ''), '(19|20)[0-9]{2}\\s*年?度?', '', 'g'), '[[:space:][:punct:]（）【】《》“”‘’、，。：；！？·—]', '', 'g')`,
  `CREATE OR REPLACE MACRO year_bigrams(s) AS
     list_distinct(list_transform(range(greatest(length(s) - 1, 0)), lambda i: substr(s, i + 1, 2)))`,
  `CREATE OR REPLACE MACRO year_name_similarity(a, b) AS
     CASE WHEN a = b AND length(a) > 0 THEN 1.0
          WHEN length(a) < 2 OR length(b) < 2 THEN 0.0
          ELSE 2.0 * length(list_intersect(year_bigrams(a), year_bigrams(b)))
               / (length(year_bigrams(a)) + length(year_bigrams(b))) END`,
  // A value with the budget year (or the years beside it) written as offsets, so "2024年12月31日" in
  // 2024 and "2025年12月31日" in 2025 read as the same target carried over.
  `CREATE OR REPLACE MACRO year_relative_value(v, y) AS
     replace(replace(replace(coalesce(v, ''), CAST(y + 1 AS VARCHAR), '{Y+1}'), CAST(y AS VARCHAR), '{Y}'), CAST(y - 1 AS VARCHAR), '{Y-1}')`,
  `CREATE OR REPLACE MACRO year_stable_code(c) AS
     CASE WHEN length(c) > 8 THEN substr(c, 1, 6) || substr(c, 9) END`,
  `CREATE TABLE IF NOT EXISTS year_project_matches (
     from_doc VARCHAR, to_doc VARCHAR, from_project VARCHAR, to_project VARCHAR,
     method VARCHAR, similarity DOUBLE, confidence DOUBLE)`,
  `CREATE TABLE IF NOT EXISTS year_settings (threshold DOUBLE)`,
  // Documents of one department in two different years: the same name in the same region, or — for a
  // department renamed between the years — a 预算单位 code shared within the same region code.
  `CREATE OR REPLACE VIEW year_doc_pairs AS
   WITH units AS (SELECT DISTINCT p.doc_id, d.region_code, p.unit_code FROM projects p JOIN documents d USING (doc_id)
                  WHERE p.unit_code IS NOT NULL AND d.region_code IS NOT NULL)
   SELECT a.doc_id AS from_doc, b.doc_id AS to_doc, b.department, b.region, a.year AS from_year, b.year AS to_year
   FROM documents a JOIN documents b ON a.year < b.year
   WHERE (a.department = b.department AND coalesce(a.region, '') = coalesce(b.region, ''))
      OR EXISTS (SELECT 1 FROM units ua JOIN units ub USING (region_code, unit_code)
                 WHERE ua.doc_id = a.doc_id AND ub.doc_id = b.doc_id)`,
  // Every pair of projects of a document pair, with what could match them.
  `CREATE OR REPLACE VIEW year_project_candidates AS
   WITH p AS (SELECT project_id, doc_id, code, name, year_norm_name(name) AS norm, year_stable_code(code) AS stable FROM projects)
   SELECT d.from_doc, d.to_doc, a.project_id AS from_project, b.project_id AS to_project,
          a.code = b.code AS same_code, a.stable = b.stable AS same_stable,
          year_name_similarity(a.norm, b.norm) AS similarity
   FROM year_doc_pairs d JOIN p a ON a.doc_id = d.from_doc JOIN p b ON b.doc_id = d.to_doc`,
  // Projects of both years: matched pairs, new ones (only in the later year), discontinued ones.
  `CREATE OR REPLACE VIEW year_project_changes AS
   WITH matched AS (
     SELECT m.*, a.name AS from_name, b.name AS to_name, a.code AS from_code, b.code AS to_code,
            a.budget_wan AS from_budget_wan, b.budget_wan AS to_budget_wan, a.seq AS from_seq, b.seq AS to_seq
     FROM year_project_matches m JOIN projects a ON a.project_id = m.from_project JOIN projects b ON b.project_id = m.to_project
   ), news AS (
     SELECT d.from_doc, d.to_doc, NULL AS from_project, p.project_id AS to_project, 'new' AS method, NULL AS similarity, NULL AS confidence,
            NULL AS from_name, p.name AS to_name, NULL AS from_code, p.code AS to_code, NULL AS from_budget_wan, p.budget_wan AS to_budget_wan,
            NULL AS from_seq, p.seq AS to_seq
     FROM year_doc_pairs d JOIN projects p ON p.doc_id = d.to_doc
     WHERE p.project_id NOT IN (SELECT to_project FROM year_project_matches WHERE from_doc = d.from_doc)
   ), gone AS (
     SELECT d.from_doc, d.to_doc, p.project_id, NULL, 'discontinued', NULL, NULL,
            p.name, NULL, p.code, NULL, p.budget_wan, NULL, p.seq, NULL
     FROM year_doc_pairs d JOIN projects p ON p.doc_id = d.from_doc
     WHERE p.project_id NOT IN (SELECT from_project FROM year_project_matches WHERE to_doc = d.to_doc)
   ), all_rows AS (SELECT * FROM matched UNION ALL SELECT * FROM news UNION ALL SELECT * FROM gone)
   SELECT d.department, d.region, d.from_year, d.to_year, r.*,
          r.to_budget_wan - r.from_budget_wan AS budget_change_wan,
          (r.to_budget_wan - r.from_budget_wan) / nullif(r.from_budget_wan, 0) AS budget_change_pct
   FROM all_rows r JOIN year_doc_pairs d USING (from_doc, to_doc)`,
  // Indicators of matched projects, row against row, with the direction of the change.
  `CREATE OR REPLACE VIEW year_indicator_changes AS
   WITH keyed AS (
     SELECT i.*, regexp_replace(coalesce(i.level3, ''), '[（(][^）)]*[）)]|\\s', '', 'g') AS key3,
            regexp_replace(coalesce(i.description, ''), '\\s', '', 'g') AS key_desc
     FROM indicators i
   ), numbered AS (
     SELECT *, row_number() OVER (PARTITION BY project_id, key3 ORDER BY row_no) AS occurrence FROM keyed
   ), by_name AS (
     SELECT m.from_doc, m.to_doc, m.from_project, m.to_project, a.indicator_id AS from_indicator, b.indicator_id AS to_indicator
     FROM year_project_matches m
     JOIN numbered a ON a.project_id = m.from_project
     JOIN numbered b ON b.project_id = m.to_project AND b.key3 = a.key3 AND b.occurrence = a.occurrence AND a.key3 <> ''
   ), by_desc AS (
     -- rows whose name changed but whose description did not
     SELECT m.from_doc, m.to_doc, m.from_project, m.to_project, any_value(a.indicator_id) AS from_indicator, b.indicator_id AS to_indicator
     FROM year_project_matches m
     JOIN numbered a ON a.project_id = m.from_project
     JOIN numbered b ON b.project_id = m.to_project AND b.key_desc = a.key_desc AND a.key_desc <> ''
     WHERE NOT EXISTS (SELECT 1 FROM by_name n WHERE n.to_project = m.to_project AND n.from_indicator = a.indicator_id)
       AND NOT EXISTS (SELECT 1 FROM by_name n WHERE n.from_project = m.from_project AND n.to_indicator = b.indicator_id)
     GROUP BY ALL
   ), pairs AS (SELECT * FROM by_name UNION ALL SELECT * FROM by_desc), rows AS (
     SELECT p.from_doc, p.to_doc, p.from_project, p.to_project, p.from_indicator, p.to_indicator FROM pairs p
     UNION ALL
     SELECT m.from_doc, m.to_doc, m.from_project, m.to_project, i.indicator_id, NULL
     FROM year_project_matches m JOIN indicators i ON i.project_id = m.from_project
     WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.to_project = m.to_project AND p.from_indicator = i.indicator_id)
     UNION ALL
     SELECT m.from_doc, m.to_doc, m.from_project, m.to_project, NULL, i.indicator_id
     FROM year_project_matches m JOIN indicators i ON i.project_id = m.to_project
     WHERE NOT EXISTS (SELECT 1 FROM pairs p WHERE p.from_project = m.from_project AND p.to_indicator = i.indicator_id)
   )
   SELECT d.department, d.region, d.from_year, d.to_year, r.from_doc, r.to_doc, r.from_project, r.to_project,
          r.from_indicator, r.to_indicator, pb.name AS project_name, pb.seq AS to_seq, pa.seq AS from_seq,
          coalesce(b.level1, a.level1) AS level1, coalesce(b.level2, a.level2) AS level2, coalesce(b.level3, a.level3) AS level3,
          a.value_raw AS from_value, b.value_raw AS to_value, a.value_num AS from_num, b.value_num AS to_num,
          coalesce(b.comparator, a.comparator) AS comparator,
          CASE WHEN a.indicator_id IS NULL THEN 'added'
               WHEN b.indicator_id IS NULL THEN 'removed'
               WHEN a.value_num IS NOT NULL AND b.value_num IS NOT NULL AND b.value_num > a.value_num THEN 'raised'
               WHEN a.value_num IS NOT NULL AND b.value_num IS NOT NULL AND b.value_num < a.value_num THEN 'lowered'
               WHEN year_relative_value(a.value_raw, pa.year) = year_relative_value(b.value_raw, pb.year)
                 OR (a.value_num IS NOT NULL AND a.value_num = b.value_num) THEN 'unchanged'
               ELSE 'changed' END AS change,
          -- A target gets easier when a minimum (≥, >, or a plain number) goes down or a maximum (≤, <) goes up.
          CASE WHEN a.value_num IS NULL OR b.value_num IS NULL OR a.value_num = b.value_num THEN NULL
               WHEN coalesce(b.comparator, a.comparator) IN ('≤', '<') THEN b.value_num > a.value_num
               ELSE b.value_num < a.value_num END AS easier,
          pa.budget_wan AS from_budget_wan, pb.budget_wan AS to_budget_wan,
          (pb.budget_wan - pa.budget_wan) / nullif(pa.budget_wan, 0) AS budget_change_pct
   FROM rows r JOIN year_doc_pairs d USING (from_doc, to_doc)
   JOIN projects pa ON pa.project_id = r.from_project JOIN projects pb ON pb.project_id = r.to_project
   LEFT JOIN indicators a ON a.indicator_id = r.from_indicator LEFT JOIN indicators b ON b.indicator_id = r.to_indicator`,
  // Targets copied unchanged while the project's budget moved.
  `CREATE OR REPLACE VIEW year_targets_copied AS
   SELECT * FROM year_indicator_changes
   WHERE change = 'unchanged' AND abs(coalesce(budget_change_pct, 0)) >= ${BUDGET_MOVE}`,
  // Targets made easier (a minimum lowered, a maximum raised) while the project's budget grew.
  `CREATE OR REPLACE VIEW year_targets_lowered AS
   SELECT * FROM year_indicator_changes
   WHERE easier AND to_budget_wan > from_budget_wan * (1 + ${BUDGET_MOVE})`,
  // Budget per department in both years.
  `CREATE OR REPLACE VIEW year_department_changes AS
   SELECT d.department, d.region, d.from_year, d.to_year, d.from_doc, d.to_doc,
          a.budget_wan AS from_budget_wan, b.budget_wan AS to_budget_wan,
          b.budget_wan - a.budget_wan AS budget_change_wan,
          (b.budget_wan - a.budget_wan) / nullif(a.budget_wan, 0) AS budget_change_pct,
          a.project_count AS from_projects, b.project_count AS to_projects
   FROM year_doc_pairs d JOIN documents a ON a.doc_id = d.from_doc JOIN documents b ON b.doc_id = d.to_doc`,
];

/** Views that need the rules' scores: created after installRules. */
const SCORE_VIEWS = [
  `CREATE OR REPLACE VIEW year_score_changes AS
   SELECT c.*, sa.score AS from_score, sb.score AS to_score, sb.score - sa.score AS score_change
   FROM year_department_changes c
   LEFT JOIN department_scores sa ON sa.doc_id = c.from_doc LEFT JOIN department_scores sb ON sb.doc_id = c.to_doc`,
  `CREATE OR REPLACE VIEW year_project_score_changes AS
   SELECT c.*, sa.score AS from_score, sb.score AS to_score, sb.score - sa.score AS score_change
   FROM year_project_changes c
   LEFT JOIN project_scores sa ON sa.project_id = c.from_project LEFT JOIN project_scores sb ON sb.project_id = c.to_project`,
];

/** Creates the comparison's macros, tables and views (idempotent); score views need the rules installed. */
export async function installYears(db: Db, withScores = true): Promise<void> {
  for (const sql of SETUP) await db.exec(sql);
  if (withScores) for (const sql of SCORE_VIEWS) await db.exec(sql);
}

/** Rounds of mutual-best matching per step (a project whose best partner was taken tries its next best). */
const ROUNDS = 3;

/**
 * Matches the projects of every department's pair of years again: codes, then stable codes, then
 * names at or above `threshold`, each one to one.
 */
export async function refreshYearMatches(db: Db, threshold: number = DEFAULT_THRESHOLD): Promise<void> {
  // One to one within each pair of documents (a project is matched once per pair of years it is in).
  const unmatched = `NOT EXISTS (SELECT 1 FROM year_project_matches m WHERE m.to_doc = c.to_doc AND m.from_project = c.from_project)
       AND NOT EXISTS (SELECT 1 FROM year_project_matches m WHERE m.from_doc = c.from_doc AND m.to_project = c.to_project)`;
  const mutualBest = (where: string, method: string, confidence: string) => `
    INSERT INTO year_project_matches
    SELECT from_doc, to_doc, from_project, to_project, '${method}', similarity, ${confidence} FROM (
      SELECT *, row_number() OVER (PARTITION BY from_project ORDER BY similarity DESC, to_project) AS rank_from,
                row_number() OVER (PARTITION BY to_project ORDER BY similarity DESC, from_project) AS rank_to
      FROM year_project_candidates c WHERE ${where} AND ${unmatched})
    WHERE rank_from = 1 AND rank_to = 1`;
  await db.exec('BEGIN TRANSACTION');
  try {
    await db.exec('DELETE FROM year_project_matches');
    await db.exec('DELETE FROM year_settings');
    await db.exec(`INSERT INTO year_settings VALUES (${Number(threshold)})`);
    // Codes can repeat within a document (two tables of one project), so every step takes rounds too.
    for (let round = 0; round < ROUNDS; round++) await db.exec(mutualBest('same_code', 'code', '1.0'));
    for (let round = 0; round < ROUNDS; round++) await db.exec(mutualBest('same_stable', 'stable-code', '0.95'));
    for (let round = 0; round < ROUNDS; round++)
      await db.exec(mutualBest(`similarity >= ${Number(threshold)}`, 'name', 'similarity'));
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw err;
  }
}
