import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'quantity_as_percent',
  category: 'value-kind',
  severity: 'warning',
  source: '财预〔2021〕101号',
  title: { zh: '数量指标写成百分比', en: 'Quantity target written as a percentage' },
  rationale:
    '数量指标反映产出的数量，应为带计量单位的数值（次、个、台、平方米…）；百分比无法核对产出了多少（财预〔2021〕101号）。',
  suggestion: '写明计划产出的数量和单位，如“≥30台”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '数量指标' || ${NAME} || '的指标值为百分比' || ${VALUE} || '，未给出数量' AS message
FROM indicators
WHERE level2 = '数量指标' AND value_kind = 'percent'`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '数量指标', level3: '软件设备数量', value: '≥60%' }] }] }],
    misses: [{ projects: [{ indicators: [{ level2: '数量指标', level3: '设备终端安装数量', value: '≥30 台' }] }] }],
  },
});
