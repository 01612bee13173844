/**
 * The overview reads per-document roll-ups instead of the detail tables (src/db/load.ts ROLLUPS,
 * rollup_rule_hits in src/rules/install.ts). On the samples with their generated years (three years,
 * several regions), every filter gives what the detail rows give, and the roll-ups follow a removal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, removeDocuments } from '../../src/db';
import type { SqlFilters } from '../../src/db/filters';
import { filterWhere } from '../../src/db/filters';
import {
  budgetByDepartmentQuery,
  budgetTreeQuery,
  indicatorMixQuery,
  scheduleQuery,
  type TreeRow,
  topProblemsQuery,
} from '../../src/db/queries-overview';
import { ruleHitsCtes } from '../../src/db/queries-review';
import { CATALOG, refreshFindings } from '../../src/rules';
import { demoYearsDb } from '../util/years';

const NONE: SqlFilters = { year: null, region: null, department: null };

/** The queries as they were written over the detail tables. */
const detail = {
  schedule: (
    f: SqlFilters,
  ) => `SELECT s.month, round(sum(s.share_pct * p.budget_wan) / nullif(sum(p.budget_wan), 0), 1) AS weighted_share_pct,
       count(s.share_pct) AS projects
FROM schedule s JOIN projects p USING (project_id)
WHERE ${filterWhere(f, 's')} AND s.share_pct IS NOT NULL
GROUP BY s.month ORDER BY s.month`,
  mix: (f: SqlFilters) => `SELECT level1, level2, count(*) AS indicators FROM indicators WHERE ${filterWhere(f)}
GROUP BY level1, level2 ORDER BY level1, indicators DESC, level2`,
  problems: (f: SqlFilters) => `WITH ${ruleHitsCtes(`${filterWhere(f)} AND severity <> 'info'`)}
SELECT c.rule_id, c.title_zh, c.title_en, c.severity, h.hits AS findings, s.budget_wan
FROM hits h JOIN ${CATALOG} c USING (rule_id) LEFT JOIN stake s USING (rule_id)
ORDER BY h.hits DESC, c.rule_id LIMIT 10`,
};

let db: Db;
let filters: SqlFilters[];
beforeAll(async () => {
  db = await demoYearsDb();
  const docs = await db.query<{ year: number; region: string; department: string }>(
    'SELECT year, region, department FROM documents ORDER BY doc_id',
  );
  const years = [...new Set(docs.map((d) => d.year))];
  const regions = [...new Set(docs.map((d) => d.region))];
  expect(years.length).toBeGreaterThanOrEqual(3);
  expect(regions.length).toBeGreaterThanOrEqual(2);
  filters = [
    NONE,
    ...years.map((year) => ({ ...NONE, year })),
    ...regions.map((region) => ({ ...NONE, region })),
    ...docs.map((d) => ({ ...NONE, department: d.department })),
    ...docs.map((d) => ({ year: d.year, region: d.region, department: d.department })),
  ];
}, 120_000);

const sortMix = (rows: Record<string, unknown>[]) =>
  [...rows].sort((a, b) =>
    `${a.level1}\u0000${a.level2}` < `${b.level1}\u0000${b.level2}`
      ? -1
      : `${a.level1}\u0000${a.level2}` > `${b.level1}\u0000${b.level2}`
        ? 1
        : 0,
  );

describe('overview queries over roll-ups', () => {
  it('schedule, indicator mix and top problems equal the detail rows under every filter', async () => {
    for (const f of filters) {
      const label = JSON.stringify(f);
      expect(await db.query(scheduleQuery(f)), label).toEqual(await db.query(detail.schedule(f)));
      expect(sortMix(await db.query(indicatorMixQuery(f))), label).toEqual(sortMix(await db.query(detail.mix(f))));
      expect(await db.query(topProblemsQuery(f)), label).toEqual(await db.query(detail.problems(f)));
    }
    const [all] = await db.query<{ n: number }>(`SELECT sum(indicators) AS n FROM (${indicatorMixQuery(NONE)})`);
    const [rows] = await db.query<{ n: number }>('SELECT count(*) AS n FROM indicators');
    expect(all?.n).toBe(rows?.n);
  });

  it('follow a removal of documents', async () => {
    const [doc] = await db.query<{ doc_id: string; department: string }>(
      'SELECT doc_id, department FROM documents ORDER BY indicator_count DESC LIMIT 1',
    );
    if (!doc) throw new Error('no documents');
    await removeDocuments(db, [doc.doc_id]);
    await refreshFindings(db);
    for (const f of [NONE, { ...NONE, department: doc.department }]) {
      expect(await db.query(scheduleQuery(f))).toEqual(await db.query(detail.schedule(f)));
      expect(sortMix(await db.query(indicatorMixQuery(f)))).toEqual(sortMix(await db.query(detail.mix(f))));
      expect(await db.query(topProblemsQuery(f))).toEqual(await db.query(detail.problems(f)));
    }
  });
});

describe('bounded results', () => {
  it('the budget chart gets the largest departments only', async () => {
    const top = await db.query<{ doc_id: string }>(budgetByDepartmentQuery(NONE, 4));
    const all = await db.query<{ doc_id: string }>('SELECT doc_id FROM documents ORDER BY budget_wan DESC, department');
    expect(top.map((r) => r.doc_id)).toEqual(all.slice(0, 4).map((r) => r.doc_id));
  });

  it('the treemap draws projects, else departments, else regions, with the same total budget', async () => {
    const [n] = await db.query<{ projects: number; documents: number; budget: number }>(
      'SELECT count(*) AS projects, (SELECT count(*) FROM documents) AS documents, (SELECT round(sum(budget_wan), 2) FROM projects WHERE budget_wan > 0) AS budget FROM projects WHERE budget_wan > 0',
    );
    if (!n) throw new Error('no projects');
    const total = (rows: TreeRow[]) => Math.round(rows.reduce((s, r) => s + r.budget_wan, 0) * 100) / 100;
    const projects = await db.query<TreeRow>(budgetTreeQuery(NONE, n.projects));
    expect(projects).toHaveLength(n.projects);
    expect(projects.every((r) => r.project_id !== null)).toBe(true);
    const departments = await db.query<TreeRow>(budgetTreeQuery(NONE, n.documents));
    expect(departments).toHaveLength(n.documents);
    expect(departments.every((r) => r.project_id === null && r.department !== null)).toBe(true);
    const regions = await db.query<TreeRow>(budgetTreeQuery(NONE, n.documents - 1));
    expect(regions.every((r) => r.department === null)).toBe(true);
    expect(new Set(regions.map((r) => r.region)).size).toBe(regions.length);
    // documents.budget_wan sums every project; the project leaves only positive budgets
    const [docs] = await db.query<{ budget: number }>('SELECT round(sum(budget_wan), 2) AS budget FROM documents');
    expect(total(projects)).toBeCloseTo(n.budget, 2);
    expect(total(departments)).toBeCloseTo(docs?.budget ?? 0, 2);
    expect(total(regions)).toBeCloseTo(docs?.budget ?? 0, 2);
  });
});
