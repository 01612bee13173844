import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import { grade, installRules, MAX_COUNTED_PER_RULE, PENALTY, RULES } from '../../src/rules';
import { FINDINGS_JSON_SQL, type FindingJson } from '../../src/rules/findings-json';
import { getSampleDb } from '../util/duckdb';

let db: Db;
let findings: FindingJson[];
beforeAll(async () => {
  db = await getSampleDb();
  await installRules(db);
  findings = await db.query<FindingJson>(FINDINGS_JSON_SQL);
});

const find = (file: string, project: number | null, rule: string) =>
  findings.filter((f) => f.file.startsWith(file) && f.project === project && f.rule === rule);

describe('findings on the five samples', () => {
  it('match the reviewed golden file test/golden/findings.json', async () => {
    await expect(`${JSON.stringify(findings, null, 2)}\n`).toMatchFileSnapshot('../golden/findings.json');
  });

  /** Faults DOMAIN.md names, each at the place it occurs. */
  const KNOWN: [string, string, number | null, string, RegExp][] = [
    ['damage rate written ≥98%', '001', 3, 'adverse_with_ge', /破损率.*≥98%/],
    ['cost written ≥10万元', '001', 2, 'cost_with_ge', /≥10 万元/],
    ['satisfaction ≤100%', '001', 1, 'favourable_with_le', /满意率.*≤100%/],
    ['≥**% leftover', '003', 1, 'template_leftover', /≥\*\*%/],
    ['timeliness ≥99%', '000', 1, 'timeliness_as_percent', /≥99%/],
    ['quantity as a percentage', '001', 2, 'quantity_as_percent', /软件设备数量.*≥60%/],
    ['cost as an execution rate', '004', 1, 'cost_as_rate', /预算资金完成率.*≥95%/],
    ['≥100% is impossible to exceed', '001', 2, 'percent_over_100', /≥100%/],
    ['nearly everything ≥95% in one department', '003', null, 'boilerplate_value_department', /≥95%/],
    ['the same schedule everywhere', '004', null, 'same_schedule_everywhere', /25%\/50%\/80%/],
    ['template objective 目标内容1', '001', 1, 'template_leftover', /目标内容1/],
    ['a schedule month not printed', '000', 1, 'schedule_missing_months', /12月底/],
    ['one value for a whole category (≥99% on quality)', '000', null, 'boilerplate_value_level', /质量指标.*≥99%/],
    ['the same objectives on every project', '004', null, 'same_objectives', /在规定期限内完成预期效果/],
    ['near-identical indicator sets', '003', 14, 'identical_indicator_sets', /第7张表/],
    ['unit cost × quantity far from the budget', '002', 15, 'unit_cost_vs_budget', /300元\/亩/],
    ['the same basis on every row', '003', 1, 'same_basis_everywhere', /冀财预/],
    ['words where a number is expected', '003', 2, 'output_not_measurable', /控制在预算数内/],
    ['the same indicator twice', '001', 5, 'duplicate_indicator', /政务专网运行的满意率/],
  ];
  for (const [what, file, project, rule, pattern] of KNOWN)
    it(`finds ${what} (${file} #${project ?? '部门'}, ${rule})`, () => {
      expect(find(file, project, rule).some((f) => pattern.test(f.message))).toBe(true);
    });

  /** Correct targets that must not be flagged by any direction, value-kind, impossible or budget rule. */
  const CORRECT: [string, string, number, number][] = [
    ['cost ≤3.79万元 per maintenance, 5 times = budget', '000', 2, 3],
    ['321辆 vehicles', '004', 1, 0],
    ['故障率 ≤10% (adverse, correctly ≤)', '001', 1, 1],
    ['满意度 ≥95%', '000', 1, 6],
    ['2024年年底 deadline', '004', 1, 2],
  ];
  for (const [what, file, project, row] of CORRECT)
    it(`does not flag a correct target: ${what}`, () => {
      const hits = findings.filter(
        (f) =>
          f.file.startsWith(file) &&
          f.project === project &&
          f.indicator === row &&
          !['no-information', 'boilerplate'].includes(f.category),
      );
      expect(hits).toEqual([]);
    });

  it('every finding says where it is and quotes Chinese text', () => {
    for (const f of findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      if (f.indicator !== null) expect(f.project).not.toBeNull();
    }
  });
});

describe('scores', () => {
  it('project scores are 100 minus capped penalties; departments are budget-weighted', async () => {
    const projects = await db.query<{ project_id: string; doc_id: string; score: number; budget_wan: number }>(
      'SELECT project_id, doc_id, score, budget_wan FROM project_scores',
    );
    const hits = await db.query<{ project_id: string; rule_id: string }>(
      'SELECT project_id, rule_id FROM findings WHERE project_id IS NOT NULL',
    );
    const severity = new Map(RULES.map((r) => [r.id, r.severity]));
    const counts = new Map<string, Map<string, number>>();
    for (const h of hits) {
      const perRule = counts.get(h.project_id) ?? new Map<string, number>();
      perRule.set(h.rule_id, (perRule.get(h.rule_id) ?? 0) + 1);
      counts.set(h.project_id, perRule);
    }
    for (const p of projects) {
      let penalty = 0;
      for (const [rule, n] of counts.get(p.project_id) ?? [])
        penalty += Math.min(n, MAX_COUNTED_PER_RULE) * PENALTY[severity.get(rule) ?? 'high'];
      expect([p.project_id, p.score]).toEqual([p.project_id, expect.closeTo(Math.max(0, 100 - penalty), 6)]);
    }
    // Not vacuous: some project has a rule hit more than MAX_COUNTED_PER_RULE times, and some scores below 100.
    expect([...counts.values()].some((m) => [...m.values()].some((n) => n > MAX_COUNTED_PER_RULE))).toBe(true);
    expect(projects.some((p) => p.score < 100)).toBe(true);
    const depts = await db.query<{ doc_id: string; score: number }>('SELECT doc_id, score FROM department_scores');
    const docLevel = await db.query<{ doc_id: string; penalty: number }>(
      "SELECT doc_id, sum(CASE severity WHEN 'high' THEN 10 WHEN 'warning' THEN 5 ELSE 1 END) AS penalty FROM (SELECT DISTINCT doc_id, rule_id, severity FROM findings WHERE project_id IS NULL) GROUP BY doc_id",
    );
    for (const d of depts) {
      const mine = projects.filter((p) => p.doc_id === d.doc_id);
      const weighted =
        mine.reduce((n, p) => n + p.score * p.budget_wan, 0) / mine.reduce((n, p) => n + p.budget_wan, 0);
      const penalty = docLevel.find((x) => x.doc_id === d.doc_id)?.penalty ?? 0;
      expect(d.score).toBeCloseTo(Math.max(0, weighted - penalty), 1);
    }
  });

  it('the departments with direction errors (行政审批局) and ≥95% everywhere (遵化) score 差, the town government best; grades follow 优/良/中/差', async () => {
    const rows = await db.query<{ department: string; score: number }>(
      'SELECT department, score FROM department_scores ORDER BY score',
    );
    expect(
      rows
        .slice(0, 2)
        .map((r) => r.department)
        .sort(),
    ).toEqual(['巨鹿县行政审批局', '遵化市人民政府办公室']);
    expect(rows.slice(0, 2).map((r) => grade(r.score))).toEqual(['差', '差']);
    expect(rows.at(-1)?.department).toBe('巨鹿县官亭镇人民政府');
    expect([grade(95), grade(90), grade(89.9), grade(80), grade(79), grade(60), grade(59.9)]).toEqual([
      '优',
      '优',
      '良',
      '良',
      '中',
      '中',
      '差',
    ]);
  });
});
