import { beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/echarts';
import {
  buildResultChart,
  type ColumnKind,
  columnKinds,
  planResultChart,
  type ResultChartPlan,
} from '../../src/charts/result-chart';
import type { Row } from '../../src/db';
import { DEFAULT_CONSOLE_SQL, EXAMPLE_QUERIES } from '../../src/db/queries-console';
import { installRules } from '../../src/rules';
import { getSampleDb } from '../util/duckdb';

/** Data elements (bars, points, slices) of one series in a rendered SVG. */
function marks(svg: string, series = 0): number {
  return new Set(
    svg.match(new RegExp(`ecmeta_series_index="${series}" ecmeta_data_index="\\d+" ecmeta_ssr_type="chart"`, 'g')),
  ).size;
}

const DEPARTMENTS: Row[] = [
  { department: '遵化市人民政府办公室', budget_wan: 2064.5 },
  { department: '巨鹿县官亭镇人民政府', budget_wan: 629.9 },
  { department: '巨鹿县行政审批局', budget_wan: 60 },
];

const KIND_CASES: { name: string; values: unknown[]; kind: ColumnKind }[] = [
  { name: 'numbers and nulls', values: [1, null, 2.5], kind: 'number' },
  { name: 'strings and nulls', values: ['a', null], kind: 'text' },
  { name: 'only nulls', values: [null, null], kind: 'empty' },
  { name: 'numbers and strings', values: [1, 'a'], kind: 'other' },
  { name: 'booleans', values: [true, false], kind: 'other' },
  { name: 'NaN', values: [Number.NaN], kind: 'other' },
  { name: 'lists', values: [[1, 2]], kind: 'other' },
];

describe('columnKinds(rows, columns)', () => {
  for (const c of KIND_CASES)
    it(`reads ${c.name} as ${c.kind}`, () => {
      expect(columnKinds(c.values.map((v) => ({ x: v })) as Row[], ['x'])).toEqual({ x: c.kind });
    });
});

const range = (n: number, f: (i: number) => Row): Row[] => Array.from({ length: n }, (_, i) => f(i));

const PLAN_CASES: { name: string; rows: Row[]; expected: Partial<ResultChartPlan> | null }[] = [
  {
    name: 'text category and one measure of a few rows: bar, pie offered',
    rows: DEPARTMENTS,
    expected: { category: 'department', values: ['budget_wan'], types: ['bar', 'line', 'pie'], suggested: 'bar' },
  },
  {
    name: 'no pie for more than 8 rows',
    rows: range(9, (i) => ({ name: `p${i}`, n: i })),
    expected: { types: ['bar', 'line'], suggested: 'bar' },
  },
  {
    name: 'no pie for negative values',
    rows: [
      { name: 'a', n: 3 },
      { name: 'b', n: -1 },
    ],
    expected: { types: ['bar', 'line'] },
  },
  {
    name: 'no pie for two measures',
    rows: [{ name: 'a', n: 3, m: 4 }],
    expected: { values: ['n', 'm'], types: ['bar', 'line'] },
  },
  {
    name: 'integer month column as category: line',
    rows: [3, 6, 10, 12].map((month) => ({ month, share_pct: month * 8 })),
    expected: { category: 'month', values: ['share_pct'], timeLike: true, suggested: 'line' },
  },
  {
    name: 'text periods (2024-03, 2024年) as category: line',
    rows: ['2024-03', '2024-06', '2024年'].map((p, i) => ({ period: p, n: i })),
    expected: { category: 'period', timeLike: true, suggested: 'line' },
  },
  {
    name: 'many points (> 30): line',
    rows: range(31, (i) => ({ name: `p${i}`, n: i })),
    expected: { timeLike: false, suggested: 'line' },
  },
  {
    name: 'ids and periods are not series while a measure is left',
    rows: [{ department: 'a', year: 2024, seq: 1, project_id: 'x', budget_wan: 5 }],
    expected: { category: 'department', values: ['budget_wan'] },
  },
  {
    name: 'only numbers: rows numbered',
    rows: [
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ],
    expected: { category: null, values: ['a', 'b'] },
  },
  {
    name: 'another unit or a scale over 10× off the first series starts hidden',
    rows: [{ name: 'a', high_findings: 4, findings: 13, score: 47, budget_wan: 60, indicators: 400 }],
    expected: {
      values: ['high_findings', 'findings', 'score', 'budget_wan', 'indicators'],
      hidden: ['score', 'budget_wan', 'indicators'],
    },
  },
  { name: 'no numeric column: nothing to draw', rows: [{ name: 'a', note: 'b' }], expected: null },
  { name: 'no rows: nothing to draw', rows: [], expected: null },
];

describe('planResultChart(rows)', () => {
  for (const c of PLAN_CASES)
    it(c.name, () => {
      const plan = planResultChart(c.rows);
      if (c.expected === null) expect(plan).toBeNull();
      else expect(plan).toMatchObject(c.expected);
    });

  it('takes the column order from `columns` when given', () => {
    expect(planResultChart([{ b: 1, a: 2, name: 'x' }], ['name', 'a', 'b'])?.values).toEqual(['a', 'b']);
  });
});

describe('buildResultChart(rows, type) rendered without a browser (renderSvg)', () => {
  it('bar: one bar per row, category labels, long labels turn the bars horizontal', () => {
    const option = buildResultChart(DEPARTMENTS, 'bar');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true });
    const svg = renderSvg(option);
    expect(marks(svg)).toBe(3);
    for (const r of DEPARTMENTS) expect(svg).toContain(`>${r.department}</text>`);
  });

  it('bar with short labels stays vertical', () => {
    const option = buildResultChart(
      [
        { level1: '产出', n: 3 },
        { level1: '效益', n: 2 },
      ],
      'bar',
    );
    expect(option.xAxis).toMatchObject({ type: 'category', name: 'level1' });
    expect(marks(renderSvg(option))).toBe(2);
  });

  it('line: one point per row for every series; hidden series are deselected in the legend', () => {
    const rows = [3, 6, 10, 12].map((month) => ({ month, weighted_share_pct: month * 8, amount_wan: month * 100 }));
    const option = buildResultChart(rows, 'line');
    expect(option.legend).toMatchObject({ selected: { amount_wan: false } });
    const svg = renderSvg(option);
    expect(svg).toContain('<path d="M');
    expect(marks(svg, 0)).toBe(4);
    expect(marks(svg, 1)).toBe(0);
    for (const m of ['3', '6', '10', '12']) expect(svg).toContain(`>${m}</text>`);
  });

  it('pie: one slice per row, labelled with name and share', () => {
    const svg = renderSvg(buildResultChart(DEPARTMENTS, 'pie'));
    expect(marks(svg)).toBe(3);
    const total = DEPARTMENTS.reduce((n, r) => n + (r.budget_wan as number), 0);
    expect(svg).toContain(`${((100 * 2064.5) / total).toFixed(2)}%`);
  });

  it('null categories and values are drawn as — and gaps', () => {
    const option = buildResultChart(
      [
        { name: null, n: 1 },
        { name: 'b', n: null },
      ],
      'bar',
    );
    expect((option.dataset as { source: unknown[][] }).source).toEqual([
      ['—', 1],
      ['b', null],
    ]);
  });

  it('puts the rows into dataset.source and maps columns with encode', () => {
    const option = buildResultChart(DEPARTMENTS.slice(0, 2), 'bar');
    expect({ dataset: option.dataset, series: option.series, legend: option.legend }).toMatchInlineSnapshot(`
      {
        "dataset": {
          "dimensions": [
            {
              "name": "department",
              "type": "ordinal",
            },
            {
              "name": "budget_wan",
              "type": "number",
            },
          ],
          "source": [
            [
              "遵化市人民政府办公室",
              2064.5,
            ],
            [
              "巨鹿县官亭镇人民政府",
              629.9,
            ],
          ],
        },
        "legend": undefined,
        "series": [
          {
            "barMaxWidth": 36,
            "encode": {
              "x": 1,
              "y": 0,
            },
            "name": "budget_wan",
            "type": "bar",
          },
        ],
      }
    `);
  });

  it('throws when there is nothing to draw', () => {
    expect(() => buildResultChart([{ name: 'a' }], 'bar')).toThrow(/no numeric column to chart/);
  });
});

describe('the example queries on the real engine', () => {
  const results = new Map<string, Row[]>();
  beforeAll(async () => {
    const db = await getSampleDb();
    await installRules(db);
    for (const q of [...EXAMPLE_QUERIES, { id: 'default', sql: DEFAULT_CONSOLE_SQL }])
      results.set(q.id, await db.query(q.sql));
  });

  it('every example returns rows and has a chart', () => {
    for (const [id, rows] of results) {
      expect(rows.length, id).toBeGreaterThan(0);
      const plan = planResultChart(rows);
      expect(plan, id).not.toBeNull();
      for (const type of plan?.types ?? [])
        expect(marks(renderSvg(buildResultChart(rows, type, plan))), `${id} ${type}`).toBeGreaterThan(0);
    }
  });

  it('are charted as intended', () => {
    const plans = Object.fromEntries(
      [...results].map(([id, rows]) => {
        const p = planResultChart(rows);
        return [
          id,
          p &&
            `${p.suggested} of ${p.values.join(', ')} by ${p.category}; hidden: ${p.hidden.join(', ') || '-'}; offered: ${p.types.join(', ')}`,
        ];
      }),
    );
    expect(plans).toMatchInlineSnapshot(`
      {
        "budget_by_department": "bar of budget_wan by department; hidden: -; offered: bar, line, pie",
        "default": "bar of projects, indicators, budget_wan by department; hidden: budget_wan; offered: bar, line",
        "department_scores": "bar of score, findings, high_findings by department; hidden: findings, high_findings; offered: bar, line",
        "findings_by_rule": "bar of findings by rule; hidden: -; offered: bar, line",
        "projects_most_high": "bar of high_findings, findings, score by project_name; hidden: score; offered: bar, line",
        "schedule_by_month": "line of weighted_share_pct, mean_share_pct by month; hidden: -; offered: bar, line",
        "share_ge95": "bar of ge95_share_pct, ge95, indicators by department; hidden: ge95, indicators; offered: bar, line",
      }
    `);
  });
});
