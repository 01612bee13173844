import type { DepartmentChangeRow } from '../db/queries-years';
import { type ECOption, FONT, TOOLTIP } from './echarts';
import { esc, wan } from './format';

/** Budget of each department in the two years compared: grouped horizontal bars, earlier year lighter. */
export function yearBudgetOption(
  rows: readonly DepartmentChangeRow[],
  fromLabel: string,
  toLabel: string,
  budgetLabel: string,
): ECOption {
  const data = [...rows]
    .sort((a, b) => (a.to_budget_wan ?? 0) - (b.to_budget_wan ?? 0))
    .map((r) => ({ department: r.department, from: r.from_budget_wan ?? 0, to: r.to_budget_wan ?? 0 }));
  const series = (key: 'from' | 'to', name: string, color: string) => ({
    type: 'bar' as const,
    name,
    encode: { x: key, y: 'department' },
    itemStyle: { color },
    barMaxWidth: 18,
    label: {
      show: true,
      position: 'right' as const,
      formatter: (p: { data: unknown }) => wan((p.data as Record<typeof key, number>)[key]),
    },
  });
  return {
    textStyle: { fontFamily: FONT },
    animationDuration: 300,
    legend: { top: 0 },
    grid: { left: 8, right: 90, top: 32, bottom: 8, containLabel: true },
    dataset: { source: data },
    xAxis: { type: 'value', name: budgetLabel },
    yAxis: { type: 'category', axisLabel: { width: 220, overflow: 'truncate' } },
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { seriesName: string; data: { department: string; from: number; to: number } }[];
        const d = list[0]?.data;
        if (!d) return '';
        return `${esc(d.department)}<br/>${esc(fromLabel)}: ${wan(d.from)}<br/>${esc(toLabel)}: ${wan(d.to)}`;
      },
    },
    series: [series('from', fromLabel, '#9bb7d4'), series('to', toLabel, '#1f4e79')],
  };
}
