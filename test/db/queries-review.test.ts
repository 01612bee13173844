import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import {
  FINDINGS_LIMIT,
  type FindingRow,
  findingsQuery,
  REVIEW_SORT_KEYS,
  type ReviewSelection,
  type ReviewSortKey,
  type RuleSummaryRow,
  reviewCategoriesQuery,
  reviewExportQuery,
  ruleSummaryQuery,
  searchTerms,
} from '../../src/db/queries-review';
import { installRules, RULES } from '../../src/rules';
import { REVIEW_HEADERS, type ReviewRow, reviewTable } from '../../src/rules/review';
import { getSampleDb } from '../util/duckdb';

/** Every finding column the tests read, straight from the view. */
interface Finding extends Record<string, unknown> {
  rule_id: string;
  severity: string;
  doc_id: string;
  project_id: string | null;
  department: string | null;
  budget_wan: number | null;
}

const NONE = { year: null, region: null, department: null, severity: null };
const sel = (patch: Partial<ReviewSelection> = {}): ReviewSelection => ({
  filters: NONE,
  rule: null,
  category: null,
  q: '',
  ...patch,
});

let db: Db;
let all: Finding[];

async function count(where: string, source = 'findings'): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${source} WHERE ${where}`);
  return row?.n ?? Number.NaN;
}

beforeAll(async () => {
  db = await getSampleDb();
  await installRules(db);
  all = await db.query<Finding>('SELECT * FROM findings');
});

describe('searchTerms(q)', () => {
  it.each([
    ['', []],
    ['  满意度  ', ['满意度']],
    ['满意度\u3000成本 满意度', ['满意度', '成本']],
    ["'; DROP TABLE x; --", ["';", 'DROP', 'TABLE', 'x;', '--']],
  ])('searchTerms(%j)', (q, expected) => expect(searchTerms(q)).toEqual(expected));
});

describe('ruleSummaryQuery(selection) on the sample findings', () => {
  it('lists every catalogued rule once, with hits counted independently, most hits first', async () => {
    const rows = await db.query<RuleSummaryRow>(ruleSummaryQuery(sel()));
    expect(rows.map((r) => r.rule_id).sort()).toEqual(RULES.map((r) => r.id).sort());
    const expected = new Map<string, number>();
    for (const f of all) expected.set(f.rule_id, (expected.get(f.rule_id) ?? 0) + 1);
    for (const r of rows) expect([r.rule_id, r.hits]).toEqual([r.rule_id, expected.get(r.rule_id) ?? 0]);
    expect(rows.map((r) => r.hits)).toEqual(rows.map((r) => r.hits).sort((a, b) => b - a));
    const high = await db.query<RuleSummaryRow>(ruleSummaryQuery(sel({ filters: { ...NONE, severity: 'high' } })));
    expect(high.length).toBe(RULES.length);
    expect(high.filter((r) => r.severity !== 'high').every((r) => r.hits === 0 && r.budget_wan === null)).toBe(true);
    expect(rows.find((r) => r.rule_id === 'cost_with_ge')?.title_en).toBe('Cost target written with ≥');
  });

  it('puts at stake the budget of each distinct project (or document) hit, once, in 万元 with 2 decimals', async () => {
    const rows = await db.query<RuleSummaryRow>(ruleSummaryQuery(sel()));
    const seen = new Map<string, Map<string, number | null>>();
    for (const f of all) {
      const m = seen.get(f.rule_id) ?? new Map<string, number | null>();
      m.set(`${f.doc_id}|${f.project_id}`, f.budget_wan);
      seen.set(f.rule_id, m);
    }
    for (const r of rows) {
      const budgets = [...(seen.get(r.rule_id)?.values() ?? [])];
      if (!budgets.length) expect(r.budget_wan).toBeNull();
      else
        expect(r.budget_wan).toBeCloseTo(
          budgets.reduce<number>((s, b) => s + (b ?? 0), 0),
          2,
        );
    }
    // A rule with several findings in one project counts that project's budget once.
    const multi = rows.find((r) => r.hits > (seen.get(r.rule_id)?.size ?? 0));
    expect(multi).toBeDefined();
  });

  it('counts under the shared filters, category and search, but not under the selected rule', async () => {
    const department = '遵化市人民政府办公室';
    const s = sel({ filters: { ...NONE, department, severity: 'warning' }, rule: 'cost_with_ge', q: '指标' });
    const rows = await db.query<RuleSummaryRow>(ruleSummaryQuery(s));
    const expected = await db.query<{ rule_id: string; n: number }>(
      `SELECT rule_id, count(*) AS n FROM findings WHERE department = '${department}' AND severity = 'warning'
       AND (message LIKE '%指标%' OR project_name LIKE '%指标%' OR level3 LIKE '%指标%' OR department LIKE '%指标%')
       GROUP BY rule_id`,
    );
    expect(rows.filter((r) => r.hits > 0).map((r) => [r.rule_id, r.hits])).toEqual(
      expect.arrayContaining(expected.map((e) => [e.rule_id, e.n])),
    );
    expect(rows.filter((r) => r.hits > 0).length).toBe(expected.length);
    expect(rows.filter((r) => r.severity !== 'warning').every((r) => r.hits === 0)).toBe(true);
  });
});

/** Selections and the same selection written by hand. */
const CASES: { name: string; sel: ReviewSelection; where: string }[] = [
  { name: 'nothing selected', sel: sel(), where: 'TRUE' },
  {
    name: 'department',
    sel: sel({ filters: { ...NONE, department: '巨鹿县人民政府办公室' } }),
    where: "department = '巨鹿县人民政府办公室'",
  },
  { name: 'severity', sel: sel({ filters: { ...NONE, severity: 'high' } }), where: "severity = 'high'" },
  {
    name: 'year and region',
    sel: sel({ filters: { ...NONE, year: 2024, region: '巨鹿县' } }),
    where: "year = 2024 AND region = '巨鹿县'",
  },
  { name: 'rule', sel: sel({ rule: 'template_leftover' }), where: "rule_id = 'template_leftover'" },
  { name: 'level 1 category', sel: sel({ category: '产出指标' }), where: "level1 = '产出指标'" },
  {
    name: 'level 1/level 2 category',
    sel: sel({ category: '产出指标/时效指标' }),
    where: "level1 = '产出指标' AND level2 = '时效指标'",
  },
  {
    name: 'search one term',
    sel: sel({ q: '满意度' }),
    where:
      "(message LIKE '%满意度%' OR project_name LIKE '%满意度%' OR level3 LIKE '%满意度%' OR department LIKE '%满意度%')",
  },
  {
    name: 'search a department name',
    sel: sel({ q: '官亭镇' }),
    where:
      "(message LIKE '%官亭镇%' OR project_name LIKE '%官亭镇%' OR level3 LIKE '%官亭镇%' OR department LIKE '%官亭镇%')",
  },
  {
    name: 'search with % taken literally',
    sel: sel({ q: '95%' }),
    where: String.raw`(message LIKE '%95\%%' ESCAPE '\' OR project_name LIKE '%95\%%' ESCAPE '\' OR level3 LIKE '%95\%%' ESCAPE '\')`,
  },
  {
    name: 'search two terms (both must occur)',
    sel: sel({ q: '经费 时效' }),
    where: `(message LIKE '%经费%' OR project_name LIKE '%经费%' OR level3 LIKE '%经费%' OR department LIKE '%经费%')
      AND (message LIKE '%时效%' OR project_name LIKE '%时效%' OR level3 LIKE '%时效%' OR department LIKE '%时效%')`,
  },
  {
    name: 'everything at once',
    sel: sel({
      filters: { year: 2024, region: null, department: '遵化市人民政府办公室', severity: 'warning' },
      rule: 'timeliness_as_percent',
      category: '产出指标',
      q: '时',
    }),
    where: `year = 2024 AND department = '遵化市人民政府办公室' AND severity = 'warning'
      AND rule_id = 'timeliness_as_percent' AND level1 = '产出指标'
      AND (message LIKE '%时%' OR project_name LIKE '%时%' OR level3 LIKE '%时%' OR department LIKE '%时%')`,
  },
];

describe('findingsQuery(selection) counts what SELECT count(*) FROM findings WHERE … counts', () => {
  for (const c of CASES)
    it(c.name, async () => {
      const expected = await count(c.where);
      const rows = await db.query<FindingRow>(findingsQuery(c.sel));
      expect(rows.length).toBe(expected);
      if (rows.length) expect(rows[0]?.total).toBe(expected);
    });

  it('the cases are not vacuous: each but the combined one matches something, and fewer than all', async () => {
    const total = all.length;
    for (const c of CASES.slice(1, -1)) {
      const n = await count(c.where);
      expect([c.name, n > 0 && n < total]).toEqual([c.name, true]);
    }
  });

  it('fetches at most `limit` rows and still reports the full total', async () => {
    const rows = await db.query<FindingRow>(findingsQuery(sel(), undefined, { limit: 7 }));
    expect(rows.length).toBe(7);
    expect(rows[0]?.total).toBe(all.length);
  });
});

describe('findingsQuery is safe with odd input', () => {
  const ODD = ["'; DROP TABLE x; --", "' OR '1'='1", '%', '_', '\\', '"', "''", '\u0000x', '$1', '{n}'];
  for (const text of ODD)
    it(`search ${JSON.stringify(text)}`, async () => {
      const rows = await db.query<FindingRow>(findingsQuery(sel({ q: text })));
      const needle = text.replace('\u0000', '');
      const expected = all.filter((f) =>
        [f.message, f.project_name, f.level3, f.department].some((v) => typeof v === 'string' && v.includes(needle)),
      ).length;
      expect(rows.length).toBe(expected);
    });

  it('a rule or category that is SQL matches nothing, and every table is still there', async () => {
    for (const text of ODD) {
      expect(await db.query(findingsQuery(sel({ rule: text })))).toEqual([]);
      expect(await db.query(findingsQuery(sel({ category: text })))).toEqual([]);
      expect(await db.query(findingsQuery(sel({ filters: { ...NONE, department: text } })))).toEqual([]);
    }
    expect(await count('TRUE')).toBe(all.length);
    expect((await db.query('SELECT count(*) AS n FROM projects'))[0]?.n).toBeGreaterThan(0);
  });
});

/** Sort value in DuckDB's order (strings by code point, which JS `<` matches for these texts). */
function sortValue(r: FindingRow, key: ReviewSortKey): string | number | null {
  const RANK = { high: 0, warning: 1, info: 2 };
  const pick = {
    severity: RANK[r.severity],
    department: r.department,
    project: r.project_name,
    level3: r.level3,
    value: r.value_raw,
    message: r.message,
    rule: r.rule_id,
    budget: r.budget_wan,
  };
  return pick[key];
}

describe('findingsQuery(selection, sort) orders in SQL', () => {
  for (const key of REVIEW_SORT_KEYS)
    for (const desc of [false, true])
      it(`by ${key} ${desc ? 'descending' : 'ascending'}, empty values last`, async () => {
        const rows = await db.query<FindingRow>(findingsQuery(sel(), { key, desc }));
        const values = rows.map((r) => sortValue(r, key));
        const filled = values.filter((v) => v !== null);
        expect(values.slice(0, filled.length)).toEqual(filled);
        for (let i = 1; i < filled.length; i++) {
          const [a, b] = desc ? [filled[i], filled[i - 1]] : [filled[i - 1], filled[i]];
          expect((a as string | number) <= (b as string | number)).toBe(true);
        }
        expect(new Set(values).size).toBeGreaterThan(1);
      });

  it('is deterministic: the same query twice gives the same rows', async () => {
    const q = findingsQuery(sel(), { key: 'severity', desc: false });
    expect(await db.query(q)).toEqual(await db.query(q));
  });
});

describe('reviewCategoriesQuery and reviewExportQuery', () => {
  it('lists the level 1/level 2 pairs of the findings', async () => {
    const rows = await db.query(reviewCategoriesQuery(NONE));
    const expected = await db.query(
      'SELECT DISTINCT level1, level2 FROM findings WHERE level1 IS NOT NULL ORDER BY level1, level2',
    );
    expect(rows).toEqual(expected);
  });

  it('exports the selection as review-comment rows with the Chinese headers', async () => {
    const c = CASES.find((x) => x.name === 'department') as (typeof CASES)[number];
    const rows = await db.query<ReviewRow>(reviewExportQuery(c.sel));
    const table = reviewTable(rows);
    expect(table[0]).toEqual([...REVIEW_HEADERS]);
    expect(table.length - 1).toBe(await count(c.where));
    expect(new Set(rows.map((r) => r.department))).toEqual(new Set(['巨鹿县人民政府办公室']));
  });
});

describe('findingsQuery on over 100,000 findings (copies of the sample findings in a table)', () => {
  let COPIES = 0;

  beforeAll(async () => {
    COPIES = Math.floor(FINDINGS_LIMIT / all.length) + 1;
    await db.exec(`CREATE OR REPLACE TEMP TABLE big AS SELECT f.* FROM findings f, range(${COPIES})`);
  });
  afterAll(() => db.exec('DROP TABLE IF EXISTS big'));

  it('has more than FINDINGS_LIMIT (100,000) rows', async () => {
    const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM big');
    expect(row?.n).toBe(all.length * COPIES);
    expect(row?.n).toBeGreaterThan(FINDINGS_LIMIT);
  });

  it('returns one page in order, with the full total', async () => {
    const rows = await db.query<FindingRow>(
      findingsQuery(sel(), { key: 'budget', desc: true }, { limit: 500, source: 'big' }),
    );
    expect(rows.length).toBe(500);
    expect(rows[0]?.total).toBe(all.length * COPIES);
    const budgets = rows.map((r) => r.budget_wan ?? -1);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
  });

  it('caps the fetch at FINDINGS_LIMIT rows', async () => {
    const rows = await db.query<FindingRow>(findingsQuery(sel(), undefined, { source: 'big' }));
    expect(rows.length).toBe(FINDINGS_LIMIT);
    expect(rows[0]?.total).toBe(all.length * COPIES);
  });

  it('filters and counts the rule list on the big table (hits × copies, budget at stake unchanged)', async () => {
    const s = sel({ q: '满意度' });
    const rows = await db.query<FindingRow>(findingsQuery(s, undefined, { source: 'big', limit: 100 }));
    const small = await db.query<FindingRow>(findingsQuery(s));
    expect(rows[0]?.total).toBe(small.length * COPIES);
    const bigRules = await db.query<RuleSummaryRow>(ruleSummaryQuery(sel(), 'big'));
    const smallRules = await db.query<RuleSummaryRow>(ruleSummaryQuery(sel()));
    const bySmall = new Map(smallRules.map((r) => [r.rule_id, r]));
    for (const r of bigRules) {
      expect(r.hits).toBe((bySmall.get(r.rule_id)?.hits ?? 0) * COPIES);
      expect(r.budget_wan).toBe(bySmall.get(r.rule_id)?.budget_wan ?? null);
    }
  });
});
