import { defineRule } from '../define';
import { IS_COST, NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'cost_as_rate',
  category: 'value-kind',
  severity: 'warning',
  source: '财预〔2021〕101号',
  title: { zh: '成本指标写成执行率', en: 'Cost target written as a rate' },
  rationale:
    '成本指标应量化为金额（单位成本或总成本上限），预算执行率、完成率属于预算执行而非成本控制（财预〔2021〕101号）。',
  suggestion: '写明成本金额上限，如“≤20万元”或单位成本“≤0.5万元/次”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '成本指标' || ${NAME} || '的指标值为百分比' || ${VALUE} || '，未给出金额' AS message
FROM indicators
WHERE ${IS_COST} AND value_kind = 'percent'`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '成本指标', level3: '预算资金完成率', value: '≥95%' }] }] }],
    misses: [{ projects: [{ indicators: [{ level2: '成本指标', level3: '项目成本', value: '≤20万元' }] }] }],
  },
});
