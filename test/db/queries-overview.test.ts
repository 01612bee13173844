import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import { type ProblemRow, topProblemsQuery } from '../../src/db/queries-overview';
import { type RuleSummaryRow, ruleSummaryQuery } from '../../src/db/queries-review';
import { installRules } from '../../src/rules';
import { getSampleDb } from '../util/duckdb';

const NONE = { year: null, region: null, department: null };

let db: Db;
beforeAll(async () => {
  db = await getSampleDb();
  await installRules(db);
});

describe('topProblemsQuery(filters) on the sample findings', () => {
  it('counts hits and budget at stake as the review rule list does, with the catalogue severity', async () => {
    const top = await db.query<ProblemRow>(topProblemsQuery(NONE, 100));
    const summary = await db.query<RuleSummaryRow>(
      ruleSummaryQuery({ filters: { ...NONE, severity: null }, rule: null, category: null, q: '' }),
    );
    const expected = summary
      .filter((r) => r.severity !== 'info' && r.hits > 0)
      .sort((a, b) => b.hits - a.hits || (a.rule_id < b.rule_id ? -1 : 1))
      .map((r) => ({
        rule_id: r.rule_id,
        title_zh: r.title_zh,
        title_en: r.title_en,
        severity: r.severity,
        findings: r.hits,
        budget_wan: r.budget_wan,
      }));
    expect(top).toEqual(expected);
    expect((await db.query<ProblemRow>(topProblemsQuery(NONE))).length).toBe(Math.min(10, expected.length));
  });

  it('puts at stake the budget of the document for department-level findings', async () => {
    const rows = await db.query<{ rule_id: string; budget_wan: number }>(
      `SELECT rule_id, round(sum(budget_wan), 2) AS budget_wan
       FROM (SELECT DISTINCT f.rule_id, f.doc_id, f.project_id,
                    CASE WHEN f.project_id IS NULL THEN d.budget_wan ELSE p.budget_wan END AS budget_wan
             FROM findings f JOIN documents d USING (doc_id) LEFT JOIN projects p USING (project_id)
             WHERE f.severity <> 'info')
       GROUP BY rule_id
       HAVING rule_id IN (SELECT rule_id FROM findings WHERE project_id IS NULL AND severity <> 'info')`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const top = new Map((await db.query<ProblemRow>(topProblemsQuery(NONE, 100))).map((r) => [r.rule_id, r]));
    for (const r of rows) expect([r.rule_id, top.get(r.rule_id)?.budget_wan]).toEqual([r.rule_id, r.budget_wan]);
  });
});
