import type { Db } from '../db';
import { literal } from '../db/sql';

/**
 * Project families: what a project pays for, so that the same kind of project can be compared across
 * units. The families and their keywords are data (data/families.csv, editable in Excel); a project
 * falls into the family whose keywords it matches best:
 *
 *   score = 3 × keywords in the project name + 1 × keywords in the purpose and objectives
 *         + 1 × keywords in the indicator names;
 *
 * the best score must be at least 2 (a name match, or two weaker ones); ties go to the family with
 * the longest matched keyword. A user's move of a project to another family (family_overrides)
 * wins over the keywords.
 *
 * Unit cost: budget ÷ the project's first countable quantity target (次, 人, 个 …); within a family and
 * unit, a cost above 1.5× or below 0.5× the family median is flagged (with at least two peers).
 */
export interface Family {
  id: string;
  nameZh: string;
  nameEn: string;
  keywords: string[];
}

/** Reads data/families.csv: family_id, name_zh, name_en, keywords separated by 、 (or ;). */
export function parseFamilies(csv: string): Family[] {
  const lines = csv
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const [id = '', nameZh = '', nameEn = '', keywords = ''] = line.split(',').map((c) => c.trim());
    if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new Error(`invalid family id on line ${i + 2}: ${id}`);
    return {
      id,
      nameZh,
      nameEn,
      keywords: keywords
        .split(/[、;；]/)
        .map((k) => k.trim())
        .filter(Boolean),
    };
  });
}

/** The minimum keyword score for a project to join a family. */
export const FAMILY_MIN_SCORE = 2;

/**
 * Creates the family tables (`families`, `family_keywords`, `family_overrides`), the view
 * `project_family_candidates`, its materialised best candidate per project `project_family_best`
 * (see {@link refreshFamilies}), and the views `project_families`, `family_unit_costs`,
 * `indicator_spread` and `unit_profile`. Overrides already in the database are kept.
 */
export async function installFamilies(db: Db, families: readonly Family[]): Promise<void> {
  await db.exec('CREATE OR REPLACE TABLE families (family_id VARCHAR, name_zh VARCHAR, name_en VARCHAR)');
  await db.exec('CREATE OR REPLACE TABLE family_keywords (family_id VARCHAR, keyword VARCHAR)');
  await db.exec('CREATE TABLE IF NOT EXISTS family_overrides (project_id VARCHAR, family_id VARCHAR)');
  if (families.length) {
    await db.exec(
      `INSERT INTO families VALUES ${families.map((f) => `(${literal(f.id)}, ${literal(f.nameZh)}, ${literal(f.nameEn)})`).join(', ')}`,
    );
    const kw = families.flatMap((f) => f.keywords.map((k) => `(${literal(f.id)}, ${literal(k)})`));
    if (kw.length) await db.exec(`INSERT INTO family_keywords VALUES ${kw.join(', ')}`);
  }
  await db.exec(`CREATE OR REPLACE VIEW project_family_candidates AS
WITH texts AS (
  SELECT p.project_id, p.name, p.purpose || ' ' || p.objectives AS body,
         coalesce((SELECT string_agg(i.level3, ' ') FROM indicators i WHERE i.project_id = p.project_id), '') AS ind
  FROM projects p
), hits AS (
  SELECT t.project_id, k.family_id, k.keyword,
         3 * (contains(t.name, k.keyword))::INTEGER + (contains(t.body, k.keyword))::INTEGER + (contains(t.ind, k.keyword))::INTEGER AS score,
         CASE WHEN contains(t.name, k.keyword) THEN '名称' WHEN contains(t.body, k.keyword) THEN '资金用途或目标' ELSE '指标名称' END AS place
  FROM texts t JOIN family_keywords k ON contains(t.name || ' ' || t.body || ' ' || t.ind, k.keyword)
)
SELECT project_id, family_id, sum(score) AS score, max(length(keyword)) AS longest,
       string_agg(place || '含“' || keyword || '”', '；' ORDER BY score DESC, keyword) AS reason
FROM hits GROUP BY project_id, family_id`);
  // The views below read project_family_best, so it must exist before they are created.
  await refreshFamilies(db);
  await db.exec(`CREATE OR REPLACE VIEW project_families AS
SELECT p.project_id, p.doc_id, p.year, p.region, p.department, p.seq, p.name, p.budget_wan,
       coalesce(o.family_id, b.family_id) AS family_id, f.name_zh AS family_zh, f.name_en AS family_en,
       CASE WHEN o.family_id IS NOT NULL THEN '手动调整' WHEN b.family_id IS NOT NULL THEN '关键词' END AS how,
       CASE WHEN o.family_id IS NOT NULL THEN '用户将项目移入此类' ELSE b.reason END AS reason, b.score
FROM projects p
LEFT JOIN project_family_best b USING (project_id)
LEFT JOIN family_overrides o USING (project_id)
LEFT JOIN families f ON f.family_id = coalesce(o.family_id, b.family_id)`);
  await db.exec(`CREATE OR REPLACE VIEW family_unit_costs AS
WITH quantity AS (
  SELECT i.project_id, i.level3, i.value_raw, i.value_num, i.value_unit,
         row_number() OVER (PARTITION BY i.project_id ORDER BY i.row_no) AS k
  FROM indicators i
  WHERE i.level2 = '数量指标' AND i.value_kind = 'number' AND i.value_num > 0
), costs AS (
  SELECT pf.family_id, pf.family_zh, pf.project_id, pf.department, pf.region, pf.year, pf.seq, pf.name, pf.budget_wan,
         q.level3 AS quantity_name, q.value_raw AS quantity_raw, q.value_num AS quantity, q.value_unit AS quantity_unit,
         pf.budget_wan / q.value_num AS unit_cost_wan
  FROM project_families pf JOIN quantity q ON q.project_id = pf.project_id AND q.k = 1
  WHERE pf.family_id IS NOT NULL AND pf.budget_wan > 0
), stats AS (
  SELECT c.*, median(unit_cost_wan) OVER w AS family_median_wan, count(*) OVER w AS peers
  FROM costs c
  WINDOW w AS (PARTITION BY family_id, quantity_unit)
)
SELECT *, unit_cost_wan / nullif(family_median_wan, 0) AS ratio_to_median,
       peers >= 2 AND (unit_cost_wan > 1.5 * family_median_wan OR unit_cost_wan < 0.5 * family_median_wan) AS outlier
FROM stats`);
  await db.exec(`CREATE OR REPLACE VIEW indicator_spread AS
SELECT i.level2, i.level3, regexp_replace(i.level3, '[（(][^）)]*[）)]|\\s', '', 'g') AS level3_norm, pf.family_id, pf.family_zh, i.doc_id, i.department, i.region, i.year, i.project_id, i.seq,
       pf.name AS project_name, i.value_raw, i.comparator, i.value_num, i.value_unit, i.value_kind
FROM indicators i JOIN project_families pf USING (project_id)
WHERE i.value_num IS NOT NULL`);
  await db.exec(`CREATE OR REPLACE VIEW unit_profile AS
WITH counts AS (
  SELECT d.doc_id, d.department, d.region, d.year, d.indicator_count AS indicators, d.project_count,
         count(DISTINCT f.indicator_id) FILTER (WHERE f.category = 'boilerplate') AS boilerplate_rows,
         count(DISTINCT f.indicator_id) FILTER (WHERE f.category = 'unmeasurable') AS unmeasurable_rows,
         count(DISTINCT f.indicator_id) FILTER (WHERE f.category = 'direction') AS direction_rows,
         count(*) FILTER (WHERE f.category = 'boilerplate') AS boilerplate_findings
  FROM documents d LEFT JOIN findings f USING (doc_id)
  GROUP BY ALL
), shares AS (
  SELECT c.* EXCLUDE (project_count), s.score,
         round(100.0 * boilerplate_findings / nullif(c.project_count, 0), 1) AS boilerplate_per_100_projects,
         round(100.0 * unmeasurable_rows / nullif(indicators, 0), 1) AS unmeasurable_pct,
         round(100.0 * direction_rows / nullif(indicators, 0), 1) AS wrong_direction_pct
  FROM counts c JOIN department_scores s USING (doc_id)
)
SELECT *, median(score) OVER () AS peer_median_score, median(unmeasurable_pct) OVER () AS peer_median_unmeasurable_pct,
       median(wrong_direction_pct) OVER () AS peer_median_wrong_direction_pct,
       median(boilerplate_per_100_projects) OVER () AS peer_median_boilerplate_per_100_projects
FROM shares`);
}

/**
 * Recomputes `project_family_best`: the best keyword family of each project (score at least
 * {@link FAMILY_MIN_SCORE}; ties to the longest matched keyword, then the family id). The keyword
 * matching is too slow to run in every families query, so it is a table; call this after the
 * documents change (an import). The user's moves (`family_overrides`) stay a live join in
 * `project_families`, so they show at once without a refresh.
 */
export async function refreshFamilies(db: Db): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE project_family_best AS
SELECT * FROM project_family_candidates WHERE score >= ${FAMILY_MIN_SCORE}
QUALIFY row_number() OVER (PARTITION BY project_id ORDER BY score DESC, longest DESC, family_id) = 1`);
}
