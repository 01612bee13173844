import { defineRule } from '../define';
import { IS_COST, NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'cost_with_ge',
  category: 'direction',
  severity: 'high',
  source: '财预〔2021〕101号',
  title: { zh: '成本指标用“≥”表述', en: 'Cost target written with ≥' },
  rationale:
    '成本指标是支出上限，应写作“≤X万元”；写作“≥”等于要求至少花这么多钱（财预〔2021〕101号：成本指标反映控制成本的要求）。',
  suggestion: '改为“≤”加金额，如“≤10万元”，金额不超过预算数。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '成本指标' || ${NAME} || '写作' || ${VALUE} || '，成本应为上限（≤），不应为下限' AS message
FROM indicators
WHERE ${IS_COST} AND comparator IN ('≥', '>') AND value_kind <> 'percent'`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '成本指标', level3: '软件设备使用成本', value: '≥10 万元' }] }] }],
    misses: [
      { projects: [{ indicators: [{ level2: '成本指标', level3: '项目成本', value: '≤3.79万元' }] }] },
      { projects: [{ indicators: [{ level2: '数量指标', level3: '维护次数', value: '≥5次' }] }] },
    ],
  },
});
