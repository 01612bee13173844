import { defineRule } from '../define';
import { IS_COST, IS_UNIT_COST, NAME, num, VALUE, VALUE_WAN } from '../sql-parts';

export default defineRule({
  id: 'cost_above_budget',
  category: 'budget',
  severity: 'high',
  source: '审核实践',
  title: { zh: '成本上限超过项目预算', en: 'Cost bound above the budget' },
  rationale:
    '成本指标的金额是项目支出的上限，不应超过项目预算数；超过说明指标值与预算不衔接（审核实践：成本“≤X万元”约等于预算）。',
  suggestion: '成本上限不超过预算数；若为单位成本，写明单位（如“万元/次”）。',
  sql: `SELECT i.doc_id, i.project_id, i.indicator_id,
       '成本指标' || ${NAME} || '为' || ${VALUE} || '（' || ${num(VALUE_WAN)} || '万元），超过项目预算' || ${num('p.budget_wan')} || '万元' AS message
FROM indicators i JOIN projects p USING (project_id)
WHERE ${IS_COST} AND NOT ${IS_UNIT_COST} AND coalesce(comparator, '') NOT IN ('≥', '>') AND ${VALUE_WAN} > p.budget_wan * 1.001`,
  examples: {
    hits: [
      {
        projects: [
          {
            budget: { total: 10, fiscal: 10 },
            indicators: [{ level2: '成本指标', level3: '项目成本', value: '≤12万元' }],
          },
        ],
      },
    ],
    misses: [
      {
        projects: [
          {
            budget: { total: 41.77, fiscal: 41.77 },
            indicators: [{ level2: '成本指标', level3: '项目成本', value: '≤417694 元' }],
          },
        ],
      },
      {
        projects: [
          {
            budget: { total: 5, fiscal: 5 },
            indicators: [{ level2: '成本指标', level3: '人均补助标准', value: '≤89 元' }],
          },
        ],
      },
    ],
  },
});
