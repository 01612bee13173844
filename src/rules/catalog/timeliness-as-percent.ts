import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'timeliness_as_percent',
  category: 'value-kind',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '时效指标写成百分比', en: 'Timeliness target written as a percentage' },
  rationale:
    '时效指标宜写明完成时限（如“2024年12月底前”），日期可以核对；“及时率≥99%”难以考核。真实的及时率可以接受，故为提醒（审核实践）。',
  suggestion: '写明完成时限，如“2024年10月底前完成”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '时效指标' || ${NAME} || '的指标值为百分比' || ${VALUE} || '，未给出完成时限' AS message
FROM indicators
WHERE level2 = '时效指标' AND value_kind = 'percent'`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '时效指标', level3: '任务完成及时率', value: '≥99%' }] }] }],
    misses: [{ projects: [{ indicators: [{ level2: '时效指标', level3: '完成时间', value: '2024年12月底前' }] }] }],
  },
});
