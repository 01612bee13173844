import type {
  BarSeriesOption,
  BoxplotSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
  SunburstSeriesOption,
  TreemapSeriesOption,
} from 'echarts/charts';
import { BarChart, BoxplotChart, LineChart, PieChart, ScatterChart, SunburstChart, TreemapChart } from 'echarts/charts';
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

// Only what the dashboards draw is registered (echarts/core), so the bundle stays small (../shared/STACK.md).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  TreemapChart,
  SunburstChart,
  ScatterChart,
  BoxplotChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
  // ECharts 6 keeps `grid.containLabel` (axis labels kept inside the chart) only with this feature.
  LegacyGridContainLabel,
]);

/** The option type of every chart Target Lens draws. */
export type ECOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | TreemapSeriesOption
  | SunburstSeriesOption
  | ScatterSeriesOption
  | BoxplotSeriesOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TitleComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { echarts };

/** Grade colours (优 良 中 差), shared by charts and tables. */
export const GRADE_COLORS = { 优: '#2e7d32', 良: '#7cb342', 中: '#f9a825', 差: '#c62828' } as const;

/** Severity colours. */
export const SEVERITY_COLORS = { high: '#c62828', warning: '#ef6c00', info: '#607d8b' } as const;

/** Font stack for chart text: system CJK fonts (Noto Sans CJK on Linux), nothing downloaded. */
export const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/**
 * What every chart's tooltip shares: kept inside the chart, and at most 28rem wide with long unbroken
 * words wrapped (ECharts' tooltip box is `white-space: nowrap`, so one 300-letter word in a cell
 * would stretch it across the page).
 */
export const TOOLTIP = {
  confine: true,
  extraCssText: 'width: max-content; max-width: min(28rem, 90vw); white-space: normal; overflow-wrap: anywhere;',
} as const;

/** Renders an option to an SVG string without a browser (for tests and the chart catalogue). */
export function renderSvg(option: ECOption, width = 800, height = 400): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
