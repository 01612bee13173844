import { CATALOG, severityRank } from '../rules/names';
import { REVIEW_COLUMNS } from '../rules/review';
import { filterWhere, type SqlFilters } from './filters';
import { ident, literal } from './sql';

/**
 * Queries of the review workbench (质量审查) over the `findings` view and the `rules.catalog` table
 * that `installRules` creates. Every value reaches SQL through `literal`/`filterWhere`.
 */

/** The relation the workbench reads; tests pass a bigger copy of it. */
export const FINDINGS_SOURCE = 'findings';

/** At most this many findings are fetched for the table; the total is counted in full. */
export const FINDINGS_LIMIT = 100_000;

/** What the workbench shows: the shared filters and its own selections (all from the URL). */
export interface ReviewSelection {
  filters: SqlFilters;
  /** A rule id, or null for every rule. */
  rule: string | null;
  /** Indicator category: a 一级指标 (`产出指标`) or 一级指标/二级指标 (`产出指标/成本指标`). */
  category: string | null;
  /** Search text; every whitespace-separated term must occur in message, project name, 三级指标 or department. */
  q: string;
}

/** Sortable columns of the findings table. */
export const REVIEW_SORT_KEYS = [
  'severity',
  'department',
  'project',
  'level3',
  'value',
  'message',
  'rule',
  'budget',
] as const;
export type ReviewSortKey = (typeof REVIEW_SORT_KEYS)[number];

/** The findings table's order: a column and a direction. */
export interface ReviewSort {
  key: ReviewSortKey;
  desc: boolean;
}

/** Most serious first, then in document order. */
export const DEFAULT_REVIEW_SORT: ReviewSort = { key: 'severity', desc: false };

const SORT_EXPR: Record<ReviewSortKey, string> = {
  severity: severityRank(),
  department: 'department',
  project: 'project_name',
  level3: 'level3',
  value: 'value_raw',
  message: 'message',
  rule: 'rule_id',
  budget: 'budget_wan',
};

/** Document order, the tie-break of every sort (and stable: the message ends it). */
const DOCUMENT_ORDER = 'department, doc_id, seq NULLS FIRST, row_no NULLS FIRST, rule_id, message';

/** Terms of a search text: split on whitespace (ASCII and full-width), empty ones dropped, duplicates once. */
export function searchTerms(q: string): string[] {
  return [...new Set(q.split(/[\s\u3000]+/).filter(Boolean))];
}

/**
 * The WHERE condition of a selection on `findings`; `omit` leaves out one part, for the counts of
 * a facet (the rule list counts every rule under the other filters).
 */
export function reviewWhere(sel: ReviewSelection, omit?: 'rule' | 'category'): string {
  const parts = [filterWhere(sel.filters, undefined, true)];
  if (sel.rule && omit !== 'rule') parts.push(`rule_id = ${literal(sel.rule)}`);
  if (sel.category && omit !== 'category') {
    const c = literal(sel.category);
    parts.push(`(level1 = ${c} OR concat_ws('/', level1, level2) = ${c})`);
  }
  for (const term of searchTerms(sel.q))
    parts.push(
      `contains(lower(concat_ws(chr(10), message, project_name, level3, department)), lower(${literal(term)}))`,
    );
  const real = parts.filter((p) => p !== 'TRUE');
  return real.length ? real.join('\n  AND ') : 'TRUE';
}

function orderBy(sort: ReviewSort): string {
  return `${SORT_EXPR[sort.key]} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, ${DOCUMENT_ORDER}`;
}

/** Row of the rule list. */
export interface RuleSummaryRow extends Record<string, unknown> {
  rule_id: string;
  category: string;
  severity: 'high' | 'warning' | 'info';
  source: string;
  title_zh: string;
  title_en: string;
  rationale: string;
  suggestion: string;
  /** Findings of the rule under the selection (the rule itself aside). */
  hits: number;
  /** Budget at stake in 万元: the budgets of the distinct projects (or documents, for department-level findings) hit, 2 decimals; null without hits. */
  budget_wan: number | null;
}

/**
 * The CTEs `hits (rule_id, hits)` and `stake (rule_id, budget_wan)` over the findings of `source`
 * that match `where`: the findings of each rule, and the budget at stake in 万元 (the budgets of the
 * distinct projects, or documents for department-level findings, hit; 2 decimals). Shared by the
 * rule list and the overview's top problems, so both count alike.
 */
export function ruleHitsCtes(where: string, source = FINDINGS_SOURCE): string {
  return `hit AS (
  SELECT rule_id, doc_id, project_id, budget_wan FROM ${ident(source)}
  WHERE ${where}
), hits AS (
  SELECT rule_id, count(*) AS hits FROM hit GROUP BY rule_id
), stake AS (
  SELECT rule_id, round(sum(budget_wan), 2) AS budget_wan
  FROM (SELECT DISTINCT rule_id, doc_id, project_id, budget_wan FROM hit) GROUP BY rule_id
)`;
}

/** Every catalogued rule with its hits and budget at stake under the selection, most hits first. */
export function ruleSummaryQuery(sel: ReviewSelection, source = FINDINGS_SOURCE): string {
  return `WITH ${ruleHitsCtes(reviewWhere(sel, 'rule'), source)}
SELECT c.rule_id, c.category, c.severity, c.source, c.title_zh, c.title_en, c.rationale, c.suggestion,
       coalesce(h.hits, 0) AS hits, s.budget_wan
FROM ${CATALOG} c LEFT JOIN hits h USING (rule_id) LEFT JOIN stake s USING (rule_id)
ORDER BY hits DESC, ${severityRank('c.severity')}, c.rule_id`;
}

/** Row of the findings table. */
export interface FindingRow extends Record<string, unknown> {
  rule_id: string;
  severity: 'high' | 'warning' | 'info';
  doc_id: string;
  department: string | null;
  project_id: string | null;
  seq: number | null;
  project_name: string | null;
  indicator_id: string | null;
  level3: string | null;
  value_raw: string | null;
  message: string;
  budget_wan: number | null;
  /** Findings in the whole selection (the same on every row). */
  total?: number;
}

/**
 * The selected findings in the requested order: `limit` of them from `offset`, each with the
 * selection's total unless `total` is false (counting every row defeats the top-N sort; the
 * workbench counts once with {@link findingsCountQuery} and fetches pages without it).
 */
export function findingsQuery(
  sel: ReviewSelection,
  sort: ReviewSort = DEFAULT_REVIEW_SORT,
  {
    limit = FINDINGS_LIMIT,
    offset = 0,
    total = true,
    source = FINDINGS_SOURCE,
  }: { limit?: number; offset?: number; total?: boolean; source?: string } = {},
): string {
  return `SELECT rule_id, severity, doc_id, department, project_id, seq, project_name, indicator_id, level3, value_raw,
       message, budget_wan${total ? ', count(*) OVER () AS total' : ''}
FROM ${ident(source)}
WHERE ${reviewWhere(sel)}
ORDER BY ${orderBy(sort)}
LIMIT ${literal(Math.max(0, Math.floor(limit)))}${offset > 0 ? ` OFFSET ${literal(Math.floor(offset))}` : ''}`;
}

/** How many findings the selection holds. */
export function findingsCountQuery(sel: ReviewSelection, source = FINDINGS_SOURCE): string {
  return `SELECT count(*) AS total FROM ${ident(source)} WHERE ${reviewWhere(sel)}`;
}

/** Row of the indicator-category choices. */
export interface CategoryRow extends Record<string, unknown> {
  level1: string;
  level2: string | null;
}

/** The 一级/二级指标 pairs that findings under the shared filters fall in. */
export function reviewCategoriesQuery(filters: SqlFilters, source = FINDINGS_SOURCE): string {
  return `SELECT DISTINCT level1, level2 FROM ${ident(source)}
WHERE level1 IS NOT NULL AND ${filterWhere(filters, undefined, true)}
ORDER BY level1, level2 NULLS FIRST`;
}

/**
 * The selected findings as review-comment rows (the columns `reviewTable` in `src/rules/review.ts`
 * reads), in the table's order and without a limit.
 */
export function reviewExportQuery(
  sel: ReviewSelection,
  sort: ReviewSort = DEFAULT_REVIEW_SORT,
  source = FINDINGS_SOURCE,
): string {
  return `SELECT ${REVIEW_COLUMNS.join(', ')}
FROM ${ident(source)}
WHERE ${reviewWhere(sel)}
ORDER BY ${orderBy(sort)}`;
}
