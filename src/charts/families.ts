import type { FamilyProjectRow, SpreadRow } from '../db/queries-families';
import { type ECOption, FONT, TOOLTIP } from './echarts';
import { esc, wan } from './format';

/** Budget of each project of a family, labelled by unit (horizontal bars). */
export function familyBudgetOption(rows: readonly FamilyProjectRow[], budgetLabel: string): ECOption {
  const data = [...rows]
    .sort((a, b) => (a.budget_wan ?? 0) - (b.budget_wan ?? 0))
    .map((r) => ({
      label: `${r.department}\n${r.seq}. ${r.name}`,
      budget_wan: r.budget_wan ?? 0,
      project_id: r.project_id,
    }));
  return {
    textStyle: { fontFamily: FONT },
    animationDuration: 300,
    grid: { left: 8, right: 80, top: 16, bottom: 8, containLabel: true },
    dataset: { source: data },
    xAxis: { type: 'value', name: budgetLabel },
    yAxis: { type: 'category', axisLabel: { width: 260, overflow: 'truncate', lineHeight: 16 } },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: unknown) =>
        `${esc((p as { data: { label: string } }).data.label).replace('\n', '<br/>')}<br/>${wan((p as { data: { budget_wan: number } }).data.budget_wan)}`,
    },
    series: [
      {
        type: 'bar',
        encode: { x: 'budget_wan', y: 'label' },
        itemStyle: { color: '#1f4e79' },
        barMaxWidth: 26,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { data: unknown }) => wan((p.data as { budget_wan: number }).budget_wan),
        },
      },
    ],
  };
}

/** Target values of one category across units: one dot per project, one row per unit. */
export function spreadOption(rows: readonly SpreadRow[], unitLabel: string): ECOption {
  const units = [...new Set(rows.map((r) => r.department))];
  // Percentages stop at 100 so that ≥95% reads as close to the ceiling, not mid-axis.
  const percent = unitLabel === '%' && rows.every((r) => r.value_num <= 100);
  const low = rows.reduce((min, r) => Math.min(min, r.value_num), Number.POSITIVE_INFINITY);
  const percentAxis = { max: 100, min: Math.max(0, Math.floor(low / 10) * 10 - 10) };
  return {
    textStyle: { fontFamily: FONT },
    animationDuration: 300,
    grid: { left: 8, right: 32, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: unitLabel, scale: true, ...(percent ? percentAxis : {}) },
    yAxis: { type: 'category', data: units, axisLabel: { width: 180, overflow: 'truncate' } },
    tooltip: {
      ...TOOLTIP,
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: { row: SpreadRow } }).data.row;
        return `${esc(d.department)}<br/>${esc(d.project_name)}<br/>${esc(d.value_raw)}`;
      },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        itemStyle: { color: 'rgba(31, 78, 121, 0.65)' },
        label: {
          show: rows.length <= 40,
          position: 'right',
          formatter: (p: unknown) => (p as { data: { row: SpreadRow } }).data.row.value_raw,
        },
        labelLayout: { hideOverlap: true },
        data: rows.map((r) => ({ value: [r.value_num, units.indexOf(r.department)], row: r })),
      },
    ],
  };
}
