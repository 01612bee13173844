import { filterWhere, type SqlFilters } from './filters';
import { literal } from './sql';

/** Queries of the families view (横向比较); all take the shared filters. */

export interface FamilyRow extends Record<string, unknown> {
  family_id: string | null;
  family_zh: string | null;
  family_en: string | null;
  projects: number;
  units: number;
  budget_wan: number;
}

/** Families with their projects, units and budget; unmatched projects are counted under a NULL family. */
export function familiesQuery(f: SqlFilters): string {
  return `SELECT family_id, any_value(family_zh) AS family_zh, any_value(family_en) AS family_en, count(*) AS projects,
       count(DISTINCT doc_id) AS units, round(sum(budget_wan), 2) AS budget_wan
FROM project_families WHERE ${filterWhere(f)}
GROUP BY family_id ORDER BY family_id IS NULL, units DESC, projects DESC, family_id`;
}

/** Every family, for the "move to" select. */
export function familyOptionsQuery(): string {
  return 'SELECT family_id, name_zh, name_en FROM families ORDER BY name_zh';
}

export interface FamilyProjectRow extends Record<string, unknown> {
  project_id: string;
  department: string;
  region: string;
  year: number;
  seq: number;
  name: string;
  budget_wan: number | null;
  family_id: string | null;
  how: string | null;
  reason: string | null;
}

/** The projects of a family (`null`: the unmatched projects), by unit. */
export function familyProjectsQuery(familyId: string | null, f: SqlFilters): string {
  return `SELECT project_id, department, region, year, seq, name, budget_wan, family_id, how, reason
FROM project_families WHERE ${filterWhere(f)} AND ${familyId === null ? 'family_id IS NULL' : `family_id = ${literal(familyId)}`}
ORDER BY region, department, seq`;
}

export interface TargetRow extends Record<string, unknown> {
  project_id: string;
  level2: string;
  level3: string;
  value_raw: string;
}

/** The family's targets by 二级指标 (first row of each category per project), to align them side by side. */
export function familyTargetsQuery(familyId: string, f: SqlFilters): string {
  return `SELECT i.project_id, i.level2, any_value(i.level3 ORDER BY i.row_no) AS level3, any_value(i.value_raw ORDER BY i.row_no) AS value_raw
FROM indicators i JOIN project_families pf USING (project_id)
WHERE pf.family_id = ${literal(familyId)} AND ${filterWhere(f, 'pf')}
GROUP BY i.project_id, i.level2`;
}

export interface UnitCostRow extends Record<string, unknown> {
  project_id: string;
  department: string;
  name: string;
  budget_wan: number;
  quantity_name: string;
  quantity_raw: string;
  quantity_unit: string | null;
  unit_cost_wan: number;
  family_median_wan: number;
  peers: number;
  ratio_to_median: number | null;
  outlier: boolean;
}

/** Unit costs (budget ÷ quantity target) of a family's projects, with the family median. */
export function familyUnitCostsQuery(familyId: string, f: SqlFilters): string {
  return `SELECT project_id, department, name, budget_wan, quantity_name, quantity_raw, quantity_unit, unit_cost_wan,
       family_median_wan, peers, ratio_to_median, outlier
FROM family_unit_costs WHERE family_id = ${literal(familyId)} AND ${filterWhere(f)}
ORDER BY quantity_unit, unit_cost_wan DESC`;
}

export interface SpreadRow extends Record<string, unknown> {
  department: string;
  project_name: string;
  value_raw: string;
  value_num: number;
  value_unit: string | null;
}

/**
 * Target values of one 二级指标, or of one 三级指标 under it (matched by normalised name: spaces and
 * bracketed units dropped), across units — in the family or everywhere — in the most common unit.
 */
export function spreadQuery(level2: string, level3: string | null, familyId: string | null, f: SqlFilters): string {
  const scope = spreadScope(level2, familyId, f) + (level3 ? ` AND level3_norm = ${literal(level3)}` : '');
  return `WITH s AS (SELECT * FROM indicator_spread WHERE ${scope}),
top_unit AS (SELECT coalesce(value_unit, '') AS u FROM s GROUP BY u ORDER BY count(*) DESC, u LIMIT 1)
SELECT department, project_name, value_raw, value_num, value_unit FROM s
WHERE coalesce(value_unit, '') = (SELECT u FROM top_unit) ORDER BY department, value_num`;
}

export interface Level3Option extends Record<string, unknown> {
  level3_norm: string;
  units: number;
  targets: number;
}

/** The 三级指标 names (normalised) under a 二级指标 in scope, those set by most units first. */
export function level3OptionsQuery(level2: string, familyId: string | null, f: SqlFilters): string {
  return `SELECT level3_norm, count(DISTINCT department)::INTEGER AS units, count(*)::INTEGER AS targets
FROM indicator_spread WHERE ${spreadScope(level2, familyId, f)} AND level3_norm <> ''
GROUP BY level3_norm ORDER BY units DESC, targets DESC, level3_norm`;
}

function spreadScope(level2: string, familyId: string | null, f: SqlFilters): string {
  return `level2 = ${literal(level2)} AND ${filterWhere(f)}${familyId ? ` AND family_id = ${literal(familyId)}` : ''}`;
}

export interface ProfileRow extends Record<string, unknown> {
  doc_id: string;
  department: string;
  year: number;
  score: number;
  unmeasurable_pct: number;
  wrong_direction_pct: number;
  boilerplate_per_100_projects: number;
  peer_median_score: number;
  peer_median_unmeasurable_pct: number;
  peer_median_wrong_direction_pct: number;
  peer_median_boilerplate_per_100_projects: number;
}

/** Each unit's weak-target shares and score against the median of its peers. */
export function unitProfileQuery(f: SqlFilters): string {
  return `SELECT doc_id, department, year, score, unmeasurable_pct, wrong_direction_pct, boilerplate_per_100_projects,
       peer_median_score, peer_median_unmeasurable_pct, peer_median_wrong_direction_pct, peer_median_boilerplate_per_100_projects
FROM unit_profile WHERE ${filterWhere(f)} ORDER BY score`;
}
