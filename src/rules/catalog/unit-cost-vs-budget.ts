import { defineRule } from '../define';
import { IS_COST, IS_PER_PERIOD, IS_UNIT_COST, num, VALUE_WAN } from '../sql-parts';

export default defineRule({
  id: 'unit_cost_vs_budget',
  category: 'budget',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '单位成本×数量与预算相差悬殊', en: 'Unit cost × quantity far from the budget' },
  rationale: '单位成本乘以计划数量应与项目预算大致相当；相差一倍以上说明成本或数量目标与预算不衔接（审核实践）。',
  suggestion: '核对单位成本和数量目标，使二者之积与预算数相符，或说明差额用途。',
  sql: `WITH unit_cost AS (
  SELECT project_id, indicator_id, level3, value_raw, ${VALUE_WAN} AS wan FROM indicators
  WHERE ${IS_COST} AND ${IS_UNIT_COST} AND NOT ${IS_PER_PERIOD} AND ${VALUE_WAN} > 0
), quantity AS (
  SELECT project_id, level3, value_raw, value_num FROM indicators
  WHERE level2 = '数量指标' AND value_kind = 'number' AND value_num > 0
), one_each AS (
  SELECT u.project_id, any_value(u.indicator_id) AS indicator_id, any_value(u.level3) AS cost_name, any_value(u.value_raw) AS cost_raw,
         any_value(u.wan) AS wan, any_value(q.level3) AS qty_name, any_value(q.value_raw) AS qty_raw, any_value(q.value_num) AS qty
  FROM unit_cost u JOIN quantity q USING (project_id)
  GROUP BY u.project_id HAVING count(DISTINCT u.indicator_id) = 1 AND count(DISTINCT q.level3) = 1
)
SELECT p.doc_id, p.project_id, o.indicator_id,
       '单位成本“' || o.cost_name || '”' || o.cost_raw || ' × 数量“' || o.qty_name || '”' || o.qty_raw || ' = ' ||
       ${num('o.wan * o.qty')} || '万元，与预算' || ${num('p.budget_wan')} || '万元相差' || ${num('round(100 * abs(o.wan * o.qty - p.budget_wan) / p.budget_wan)')} || '%' AS message
FROM one_each o JOIN projects p USING (project_id)
WHERE p.budget_wan > 0 AND (o.wan * o.qty > 2 * p.budget_wan OR o.wan * o.qty < 0.5 * p.budget_wan)`,
  examples: {
    hits: [
      {
        projects: [
          {
            budget: { total: 20, fiscal: 20 },
            indicators: [
              { level2: '数量指标', level3: '咨询次数', value: '≥100次' },
              { level2: '成本指标', level3: '单次咨询成本', value: '≤1万元' },
            ],
          },
        ],
      },
    ],
    misses: [
      {
        projects: [
          {
            budget: { total: 18.95, fiscal: 18.95 },
            indicators: [
              { level2: '数量指标', level3: '系统维护次数', value: '≥5次' },
              { level2: '成本指标', level3: '单次维护外网系统成本', value: '≤3.79万元' },
            ],
          },
        ],
      },
    ],
  },
});
