import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'timeliness_as_percent',
  category: 'value-kind',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '时效指标不是日期或期限', en: 'Timeliness target not a date or period' },
  rationale:
    '时效指标宜写明完成时限（如“2024年12月底前”），日期可以核对；“及时率≥99%”难以考核。真实的及时率可以接受，故为提醒（审核实践）。',
  suggestion: '写明完成时限，如“2024年10月底前完成”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '时效指标' || ${NAME} || '的指标值' || ${VALUE} || CASE WHEN value_kind = 'percent' THEN '为百分比' ELSE '不是日期' END || '，未给出完成时限' AS message
FROM indicators
WHERE level2 = '时效指标' AND value_kind NOT IN ('date', 'empty')
  AND NOT (value_kind = 'number' AND coalesce(value_unit, '') IN ('分钟', '小时', '天', '日', '个工作日', '工作日', '周', '个月', '月', '年'))`,
  examples: {
    hits: [
      { projects: [{ indicators: [{ level2: '时效指标', level3: '任务完成及时率', value: '≥99%' }] }] },
      { projects: [{ indicators: [{ level2: '时效指标', level3: '完成工作时间', value: '≥952024年年底完成' }] }] },
    ],
    misses: [
      { projects: [{ indicators: [{ level2: '时效指标', level3: '完成时间', value: '2024年12月底前' }] }] },
      { projects: [{ indicators: [{ level2: '时效指标', level3: '办结时限', value: '≤5个工作日' }] }] },
    ],
  },
});
