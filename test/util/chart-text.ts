import type { ChartText } from '../../src/charts/overview';

/** The overview charts' Chinese labels, as the view passes them (chart tests). */
export const CHART_TEXT: ChartText = {
  budget: '预算（万元）',
  score: '得分',
  share: '计划累计支出',
  evenPace: '均衡进度',
  findings: '问题数',
  indicators: '指标数',
  months: ['3月底', '6月底', '10月底', '12月底'],
  locale: 'zh',
};
