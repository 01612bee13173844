import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/charts/echarts';
import {
  budgetByDepartmentOption,
  budgetTreemapOption,
  esc,
  indicatorMixOption,
  scheduleOption,
  scoreByDepartmentOption,
  topProblemsOption,
} from '../../src/charts/overview';
import type { BudgetRow, DepartmentRow, MixRow, ProblemRow, ScheduleRow, TreeRow } from '../../src/db/queries-overview';
import { CHART_TEXT } from '../util/chart-text';

const T = CHART_TEXT;

const BUDGETS: BudgetRow[] = [
  { doc_id: 'a', department: '遵化市人民政府办公室', region: '遵化市', year: 2024, budget_wan: 2064.5, projects: 15 },
  { doc_id: 'b', department: '巨鹿县行政审批局', region: '巨鹿县', year: 2022, budget_wan: 60, projects: 6 },
];
const DEPTS: DepartmentRow[] = [
  { ...BUDGETS[0], score: 47.8, findings: 117, high_findings: 2 } as DepartmentRow,
  { ...BUDGETS[1], score: 91.2, findings: 3, high_findings: 0 } as DepartmentRow,
];

describe('overview charts (option builders, rendered without a browser)', () => {
  it('budget by department: largest on top, 万元 labels with two decimals', () => {
    const option = budgetByDepartmentOption(BUDGETS, T);
    expect((option.dataset as { source: BudgetRow[] }).source.map((r) => r.department)).toEqual([
      '巨鹿县行政审批局',
      '遵化市人民政府办公室',
    ]);
    const svg = renderSvg(option);
    expect(svg).toContain('2,064.50');
    expect(svg).toContain('遵化市人民政府办公室');
  });

  it('score by department: weakest at the bottom of the sort, bars coloured by grade', () => {
    const option = scoreByDepartmentOption(DEPTS, T);
    const svg = renderSvg(option);
    expect(svg).toContain('47.8 差');
    expect(svg).toContain('91.2 优');
    expect(svg).toMatch(/fill="#c62828"/);
    expect(svg).toMatch(/fill="#2e7d32"/);
  });

  it('treemap nests region → department → project and keeps project ids for drill-through', () => {
    const rows: TreeRow[] = [
      { region: '巨鹿县', department: '巨鹿县行政审批局', project_id: 'b#1', name: '1. 光纤租赁', budget_wan: 6 },
      { region: '巨鹿县', department: '巨鹿县行政审批局', project_id: 'b#2', name: '2. 软件正版化', budget_wan: 10 },
    ];
    const option = budgetTreemapOption(rows, T);
    const data = (
      option.series as { data: { name: string; children: { name: string; children: { projectId: string }[] }[] }[] }[]
    )[0]?.data;
    expect(data?.[0]?.name).toBe('巨鹿县');
    expect(data?.[0]?.children[0]?.children.map((c) => c.projectId)).toEqual(['b#1', 'b#2']);
    expect(renderSvg(option)).toContain('巨鹿县行政审批局');
  });

  it('schedule: shares by month against the even pace 25/50/83.3/100', () => {
    const rows: ScheduleRow[] = [
      { month: 3, weighted_share_pct: 27.8, projects: 66 },
      { month: 6, weighted_share_pct: 55.5, projects: 66 },
      { month: 12, weighted_share_pct: 100, projects: 20 },
    ];
    const option = scheduleOption(rows, T);
    const series = option.series as { data: (number | null)[] }[];
    expect(series[0]?.data).toEqual([27.8, 55.5, null, 100]);
    expect(series[1]?.data).toEqual([25, 50, 83.3, 100]);
    expect(renderSvg(option)).toContain('27.8%');
  });

  it('indicator mix groups level 2 under level 1', () => {
    const rows: MixRow[] = [
      { level1: '产出指标', level2: '数量指标', indicators: 67 },
      { level1: '产出指标', level2: '质量指标', indicators: 67 },
      { level1: '满意度指标', level2: '服务对象满意度指标', indicators: 67 },
    ];
    const data = (
      indicatorMixOption(rows).series as { data: { name: string; children: { name: string; value: number }[] }[] }[]
    )[0]?.data;
    expect(data?.map((d) => [d.name, d.children.map((c) => c.name)])).toEqual([
      ['产出指标', ['数量', '质量']],
      ['满意度指标', ['服务对象满意度']],
    ]);
  });

  it('top problems: titles in the UI language, coloured by severity', () => {
    const rows: ProblemRow[] = [
      {
        rule_id: 'cost_with_ge',
        title_zh: '成本指标用“≥”表述',
        title_en: 'Cost target written with ≥',
        severity: 'high',
        findings: 5,
        budget_wan: 60,
      },
    ];
    expect(renderSvg(topProblemsOption(rows, T))).toContain('成本指标用“≥”表述');
    expect(renderSvg(topProblemsOption(rows, { ...T, locale: 'en' }))).toContain('Cost target written with ≥');
  });

  it('tooltips escape cell text (markup in a department name is shown as text)', () => {
    expect(esc('<img src=x onerror=alert(1)>')).toBe('&#60;img src=x onerror=alert(1)&#62;');
  });
});
