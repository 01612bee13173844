/**
 * The chart of a SQL console result: which columns to draw and how is read off the result itself
 * (column kinds and names), so any query gets a sensible first chart the analyst can then switch.
 */
import type { Row } from '../db';
import { type ECOption, FONT, TOOLTIP } from './echarts';

/** Chart types offered for a result. */
export type ResultChartType = 'bar' | 'line' | 'pie';

/** Every chart type, in the order the switch shows them. */
export const RESULT_CHART_TYPES: readonly ResultChartType[] = ['bar', 'line', 'pie'];

/** What a column holds: every non-null cell a finite number, a string, something else, or only nulls. */
export type ColumnKind = 'number' | 'text' | 'other' | 'empty';

/** How a result is drawn. */
export interface ResultChartPlan {
  /** Column whose values label the bars, points or slices; null when the rows are numbered instead. */
  category: string | null;
  /** Numeric columns drawn as series, in result order. */
  values: string[];
  /** Series that start hidden (toggled in the legend): another unit or a scale over 10× off the first series. */
  hidden: string[];
  /** True when the category is a period (year, month, date), which reads best as a line. */
  timeLike: boolean;
  /** Types that fit the result; `pie` only for one numeric column of a few (≤ 8) non-negative rows. */
  types: ResultChartType[];
  /** The type shown first: `line` for periods and long results (> 30 rows), else `bar`. */
  suggested: ResultChartType;
}

const MAX_SERIES = 8;
const MAX_PIE_ROWS = 8;
const MANY_POINTS = 30;
const SCALE_GAP = 10;
/** Long category labels (display width, CJK counted twice) turn bars horizontal. */
const LONG_LABEL = 12;
const MAX_HORIZONTAL_BARS = 40;

/** Column names of periods, whatever their type. */
const PERIOD_NAME =
  /^(year|month|quarter|date|day|week|period|年|月|年度|月份|季度|日期)$|_(year|month|quarter|date)$/i;
/** Identifiers and ordinals: numbers, but not measures. */
const ORDINAL_NAME = /^(seq|row_no|line|item_no|id|序号|行号)$|_(id|no|seq)$/i;
/** Text values that are periods: 2024, 2024-03, 2024-03-31, 2024年, 2024年3月, 3月, 3月底. */
const PERIOD_TEXT = /^(\d{4}(-\d{1,2}(-\d{1,2}([T ][\d:.]+Z?)?)?)?|\d{4}年(\d{1,2}月)?|\d{1,2}月底?)$/;

const PALETTE = ['#1f4e79', '#ef6c00', '#2e7d32', '#8e24aa', '#00838f', '#c62828', '#6d4c41', '#607d8b'];

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const COMPACT = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 1 });

/** Formats a chart value: digits grouped, at most two decimals, `—` when missing. */
export function formatChartValue(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? NUMBER.format(value) : '—';
}

/** The kind of each column (see {@link ColumnKind}). */
export function columnKinds(rows: readonly Row[], columns: readonly string[]): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  for (const c of columns) {
    let kind: ColumnKind = 'empty';
    for (const r of rows) {
      const v = r[c];
      if (v === null || v === undefined) continue;
      const k: ColumnKind =
        typeof v === 'number' ? (Number.isFinite(v) ? 'number' : 'other') : typeof v === 'string' ? 'text' : 'other';
      if (kind === 'empty') kind = k;
      else if (kind !== k) {
        kind = 'other';
        break;
      }
      if (kind === 'other') break;
    }
    kinds[c] = kind;
  }
  return kinds;
}

/** Unit family read from a column name, so shares, money and scores are not drawn on one axis by default. */
function unitOf(column: string): string {
  if (/(pct|percent|share|ratio|rate|率|占比|比例|比重)$/i.test(column)) return 'percent';
  if (/(_wan|yuan|amount|budget|金额|预算|万元)$/i.test(column)) return 'money';
  if (/score|得分|分数/i.test(column)) return 'score';
  return 'count';
}

function maxAbs(rows: readonly Row[], column: string): number {
  let max = 0;
  for (const r of rows) {
    const v = r[column];
    if (typeof v === 'number' && Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  }
  return max;
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Chooses how to draw a result: the first text column (else a period column such as `month`) as the
 * category and the numeric columns as series; ids and periods are not series while a measure is left.
 * Returns null when there is nothing to draw (no rows or no numeric column).
 * @param columns result columns in order (defaults to the keys of the first row)
 */
export function planResultChart(
  rows: readonly Row[],
  columns: readonly string[] = Object.keys(rows[0] ?? {}),
): ResultChartPlan | null {
  if (rows.length === 0) return null;
  const kinds = columnKinds(rows, columns);
  const numeric = columns.filter((c) => kinds[c] === 'number');
  const text = columns.find((c) => kinds[c] === 'text');
  const category = text ?? numeric.find((c) => PERIOD_NAME.test(c)) ?? null;
  const candidates = numeric.filter((c) => c !== category);
  const measures = candidates.filter((c) => !PERIOD_NAME.test(c) && !ORDINAL_NAME.test(c));
  const values = (measures.length ? measures : candidates).slice(0, MAX_SERIES);
  const first = values[0];
  if (first === undefined) return null;

  const firstMax = maxAbs(rows, first);
  const hidden = values.slice(1).filter((c) => {
    if (unitOf(c) !== unitOf(first)) return true;
    const m = maxAbs(rows, c);
    return firstMax > 0 && m > 0 && (m / firstMax > SCALE_GAP || firstMax / m > SCALE_GAP);
  });
  const timeLike =
    category !== null &&
    (PERIOD_NAME.test(category) ||
      rows.every((r) => {
        const v = r[category];
        return v === null || v === undefined || PERIOD_TEXT.test(String(v));
      }));
  const pie =
    category !== null &&
    values.length === 1 &&
    rows.length <= MAX_PIE_ROWS &&
    rows.every((r) => typeof r[first] !== 'number' || r[first] >= 0);
  return {
    category,
    values,
    hidden,
    timeLike,
    types: pie ? ['bar', 'line', 'pie'] : ['bar', 'line'],
    suggested: timeLike || rows.length > MANY_POINTS ? 'line' : 'bar',
  };
}

function longestLabel(rows: readonly Row[], category: string | null): number {
  return category === null ? 0 : Math.max(0, ...rows.map((r) => displayWidth(label(r[category]))));
}

/** True when a bar chart of the rows is drawn horizontally (long category labels, at most 40 rows). */
export function barsHorizontal(rows: readonly Row[], plan: ResultChartPlan): boolean {
  return rows.length <= MAX_HORIZONTAL_BARS && longestLabel(rows, plan.category) > LONG_LABEL;
}

/** Axis labels: compact (1.2万, 3.4亿) up to 10¹², exponents beyond. */
function axisNumber(value: number): string {
  return Math.abs(value) < 1e12 ? COMPACT.format(value) : value.toExponential(1);
}

function label(value: unknown): string {
  return value === null || value === undefined ? '—' : String(value);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The ECharts option for a result: rows go into `dataset.source` (category label first, then the
 * series values), series map columns with `encode`. Bars turn horizontal when category labels are long.
 * @param plan how to draw the rows; defaults to {@link planResultChart}
 * @throws when the result has nothing to draw (check {@link planResultChart} first)
 */
export function buildResultChart(
  rows: readonly Row[],
  type: ResultChartType,
  plan: ResultChartPlan | null = planResultChart(rows),
): ECOption {
  if (!plan) throw new Error('result has no numeric column to chart');
  const { category, values } = plan;
  const categoryName = category ?? '#';
  const source = rows.map((r, i) => [
    category === null ? String(i + 1) : label(r[category]),
    ...values.map((v) => num(r[v])),
  ]);
  const dataset = {
    dimensions: [
      { name: categoryName, type: 'ordinal' as const },
      ...values.map((name) => ({ name, type: 'number' as const })),
    ],
    source,
  };
  const base: ECOption = {
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    animationDuration: 300,
    dataset,
  };

  if (type === 'pie') {
    return {
      ...base,
      tooltip: {
        ...TOOLTIP,
        trigger: 'item',
        valueFormatter: formatChartValue,
      },
      series: [
        {
          type: 'pie',
          name: values[0],
          radius: ['32%', '64%'],
          center: ['50%', '54%'],
          encode: { itemName: 0, value: 1, tooltip: 1 },
          label: { formatter: '{b}\n{d}%' },
        },
      ],
    };
  }

  const longest = longestLabel(rows, category);
  const horizontal = type === 'bar' && barsHorizontal(rows, plan);
  const many = rows.length > MANY_POINTS;
  const categoryAxis = {
    type: 'category' as const,
    name: horizontal ? undefined : categoryName,
    nameLocation: 'middle' as const,
    nameGap: 28,
    boundaryGap: type === 'bar',
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: horizontal
      ? { width: 180, overflow: 'truncate' as const, interval: 0 }
      : {
          width: 110,
          overflow: 'truncate' as const,
          rotate: rows.length > 6 && longest > 4 ? 30 : 0,
          hideOverlap: true,
        },
  };
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { formatter: axisNumber },
    splitLine: { lineStyle: { color: '#e5e9ef' } },
  };
  return {
    ...base,
    tooltip: {
      ...TOOLTIP,
      trigger: 'axis',
      valueFormatter: formatChartValue,
    },
    legend:
      values.length > 1
        ? { top: 0, type: 'plain', selected: Object.fromEntries(plan.hidden.map((h) => [h, false])) }
        : undefined,
    grid: { top: values.length > 1 ? 40 : 20, right: 24, bottom: horizontal ? 24 : 48, left: 16 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: values.map((name, i) =>
      type === 'bar'
        ? {
            type: 'bar' as const,
            name,
            encode: horizontal ? { y: 0, x: i + 1 } : { x: 0, y: i + 1 },
            barMaxWidth: 36,
          }
        : {
            type: 'line' as const,
            name,
            encode: { x: 0, y: i + 1 },
            showSymbol: !many,
            symbolSize: 6,
          },
    ),
  };
}
