import type { BudgetRow, DepartmentRow, MixRow, ProblemRow, ScheduleRow, TreeRow } from '../db/queries-overview';
import { type ECOption, FONT, GRADE_COLORS, SEVERITY_COLORS, TOOLTIP } from './echarts';
import { esc, pct, wan } from './format';
import { GRADE_SQL_BANDS, gradeOf } from './grade';

export { esc } from './format';

/** Labels the builders need, in the UI language. */
export interface ChartText {
  budget: string;
  score: string;
  share: string;
  evenPace: string;
  findings: string;
  indicators: string;
  months: [string, string, string, string];
  locale: 'zh' | 'en';
}

/** What every overview chart shares. */
const BASE: ECOption = {
  textStyle: { fontFamily: FONT },
  tooltip: TOOLTIP,
  // Drawn at once: the overview redraws six charts on every filter click, and animating them spent
  // the frames the next answers needed (a province's filter effect).
  animation: false,
};

/** Budget by department (horizontal bars, largest first); a click filters by the department. */
export function budgetByDepartmentOption(rows: readonly BudgetRow[], t: ChartText): ECOption {
  const sorted = [...rows].sort((a, b) => a.budget_wan - b.budget_wan);
  return {
    ...BASE,
    grid: { left: 8, right: 96, top: 36, bottom: 8, containLabel: true },
    dataset: { source: sorted as unknown as Record<string, unknown>[] },
    xAxis: { type: 'value', name: `${t.budget}`, axisLabel: { formatter: (v: number) => wan(v).replace(/\.00$/, '') } },
    yAxis: { type: 'category', axisLabel: { width: 180, overflow: 'truncate' } },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: BudgetRow }).data;
        return `${esc(d.department)}（${d.year}）<br/>${t.budget}：${wan(d.budget_wan)}`;
      },
    },
    series: [
      {
        type: 'bar',
        encode: { x: 'budget_wan', y: 'department' },
        itemStyle: { color: '#1f4e79' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { data: unknown }) => wan((p.data as BudgetRow).budget_wan),
        },
        barMaxWidth: 28,
      },
    ],
  };
}

/** Quality score by department, weakest first, coloured by grade (优 良 中 差). */
export function scoreByDepartmentOption(rows: readonly DepartmentRow[], t: ChartText): ECOption {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return {
    ...BASE,
    grid: { left: 8, right: 72, top: 36, bottom: 8, containLabel: true },
    dataset: { source: sorted as unknown as Record<string, unknown>[] },
    xAxis: { type: 'value', min: 0, max: 100, name: t.score },
    yAxis: { type: 'category', axisLabel: { width: 180, overflow: 'truncate' } },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: DepartmentRow }).data;
        return `${esc(d.department)}<br/>${t.score}：${d.score}（${gradeOf(d.score)}）<br/>${t.findings}：${d.findings}`;
      },
    },
    series: [
      {
        type: 'bar',
        encode: { x: 'score', y: 'department' },
        itemStyle: { color: (p: { data: unknown }) => GRADE_COLORS[gradeOf((p.data as DepartmentRow).score)] },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { data: unknown }) =>
            `${(p.data as DepartmentRow).score} ${gradeOf((p.data as DepartmentRow).score)}`,
        },
        barMaxWidth: 28,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { position: 'insideEndTop', color: '#777' },
          lineStyle: { type: 'dashed', color: '#999' },
          data: GRADE_SQL_BANDS.map((x) => ({ xAxis: x })),
        },
      },
    ],
  };
}

/** Budget treemap: region → department → project; a click on a region or department filters by it, on a project opens it. */
export function budgetTreemapOption(rows: readonly TreeRow[], t: ChartText): ECOption {
  // Leaves are projects, or departments or regions when a selection has too many (budgetTreeQuery).
  const regions = new Map<string, { value: number; depts: Map<string, { value: number; projects: TreeRow[] }> }>();
  for (const r of rows) {
    const region = regions.get(r.region) ?? { value: 0, depts: new Map() };
    regions.set(r.region, region);
    region.value += r.budget_wan;
    if (r.department === null) continue;
    const dept = region.depts.get(r.department) ?? { value: 0, projects: [] };
    region.depts.set(r.department, dept);
    dept.value += r.budget_wan;
    if (r.project_id !== null) dept.projects.push(r);
  }
  const data = [...regions].map(([region, { value, depts }]) => ({
    name: region,
    kind: 'region',
    region,
    ...(depts.size === 0
      ? { value }
      : {
          children: [...depts].map(([department, d]) => ({
            name: department,
            kind: 'department',
            department,
            ...(d.projects.length === 0
              ? { value: d.value }
              : {
                  children: d.projects.map((p) => ({
                    name: p.name ?? '',
                    value: p.budget_wan,
                    kind: 'project',
                    projectId: p.project_id ?? '',
                  })),
                }),
          })),
        }),
  }));
  return {
    ...BASE,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: unknown) =>
        `${esc((p as { name: string }).name)}<br/>${t.budget}：${wan((p as { value: number }).value)}`,
    },
    series: [
      {
        type: 'treemap',
        data,
        leafDepth: 2,
        roam: false,
        top: 36,
        bottom: 36,
        left: 4,
        right: 4,
        breadcrumb: { show: true, bottom: 4 },
        label: { show: true, formatter: (p: { name: string; value: unknown }) => `${p.name}\n${wan(Number(p.value))}` },
        upperLabel: { show: true, height: 22 },
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 } },
          { itemStyle: { borderColor: '#e8eef5', borderWidth: 2, gapWidth: 2 }, colorSaturation: [0.35, 0.6] },
          { colorSaturation: [0.3, 0.5], itemStyle: { gapWidth: 1, borderColorSaturation: 0.6 } },
        ],
      },
    ],
  };
}

/** Combined spending schedule: budget-weighted cumulative share by month against an even pace. */
export function scheduleOption(rows: readonly ScheduleRow[], t: ChartText): ECOption {
  const months = [3, 6, 10, 12];
  const byMonth = new Map(rows.map((r) => [r.month, r.weighted_share_pct]));
  return {
    ...BASE,
    legend: { top: 4, left: 8 },
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      valueFormatter: (v: unknown) => pct(Number(v)),
    },
    xAxis: { type: 'category', data: t.months },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t.share,
        type: 'line',
        data: months.map((m) => byMonth.get(m) ?? null),
        label: { show: true, formatter: (p: { value: unknown }) => pct(Number(p.value)) },
        lineStyle: { width: 3, color: '#1f4e79' },
        itemStyle: { color: '#1f4e79' },
        symbolSize: 9,
      },
      {
        name: t.evenPace,
        type: 'line',
        data: months.map((m) => Math.round((m / 12) * 1000) / 10),
        lineStyle: { type: 'dashed', color: '#9e9e9e' },
        itemStyle: { color: '#9e9e9e' },
        symbol: 'none',
      },
    ],
  };
}

/** Indicator mix: level 1 → level 2 as a sunburst. */
export function indicatorMixOption(rows: readonly MixRow[]): ECOption {
  const groups = new Map<string, MixRow[]>();
  for (const r of rows) groups.set(r.level1, [...(groups.get(r.level1) ?? []), r]);
  const palette: Record<string, string> = {
    产出指标: '#1f4e79',
    效益指标: '#2e7d32',
    满意度指标: '#ef6c00',
    成本指标: '#6a1b9a',
  };
  return {
    ...BASE,
    tooltip: {
      ...TOOLTIP,
      formatter: (p: unknown) => `${esc((p as { name: string }).name)}：${(p as { value: number }).value}`,
    },
    series: [
      {
        type: 'sunburst',
        radius: ['12%', '92%'],
        center: ['50%', '54%'],
        sort: undefined,
        data: [...groups].map(([level1, children]) => ({
          name: level1,
          itemStyle: { color: palette[level1] ?? '#607d8b' },
          children: children.map((c) => ({ name: c.level2.replace(/指标$/, ''), value: c.indicators })),
        })),
        label: { rotate: 'radial', fontSize: 12 },
        levels: [{}, { label: { rotate: 0, fontSize: 14 } }, { label: { fontSize: 11 }, itemStyle: { opacity: 0.85 } }],
      },
    ],
  };
}

/** Most frequent problems (high and warning), coloured by severity. */
export function topProblemsOption(rows: readonly ProblemRow[], t: ChartText): ECOption {
  const sorted = [...rows]
    .sort((a, b) => a.findings - b.findings)
    .map((r) => ({ ...r, title: t.locale === 'zh' ? r.title_zh : r.title_en }));
  return {
    ...BASE,
    grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
    dataset: { source: sorted as unknown as Record<string, unknown>[] },
    xAxis: { type: 'value', name: t.findings, minInterval: 1 },
    yAxis: { type: 'category', axisLabel: { width: 220, overflow: 'truncate' } },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: ProblemRow & { title: string } }).data;
        return `${esc(d.title)}<br/>${t.findings}：${d.findings}<br/>${t.budget}：${wan(d.budget_wan)}`;
      },
    },
    series: [
      {
        type: 'bar',
        encode: { x: 'findings', y: 'title' },
        itemStyle: { color: (p: { data: unknown }) => SEVERITY_COLORS[(p.data as ProblemRow).severity] },
        label: { show: true, position: 'right' },
        barMaxWidth: 24,
      },
    ],
  };
}
