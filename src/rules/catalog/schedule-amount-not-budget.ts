import { defineRule } from '../define';
import { num } from '../sql-parts';

export default defineRule({
  id: 'schedule_amount_not_budget',
  category: 'budget',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '支出计划金额未到预算数', en: 'Schedule amounts do not end at the budget' },
  rationale: '以金额填报的资金支出计划是累计支出，12月底应等于预算数；不等说明计划与预算不衔接。',
  suggestion: '核对各月累计金额，12月底累计应等于预算数。',
  sql: `SELECT s.doc_id, s.project_id, NULL AS indicator_id,
       '资金支出计划按金额填报，12月底累计' || s.printed || '万元，预算数为' || ${num('p.budget_wan')} || '万元' AS message
FROM schedule s JOIN projects p USING (project_id)
WHERE p.schedule_kind = 'amount' AND s.month = 12 AND s.amount_wan IS NOT NULL AND abs(s.amount_wan - p.budget_wan) > 0.011`,
  examples: {
    hits: [{ projects: [{ budget: { total: 6, fiscal: 6 }, schedule: ['1.50', '3.00', '4.50', '5.00'] }] }],
    misses: [{ projects: [{ budget: { total: 6, fiscal: 6 }, schedule: ['1.50', '3.00', '4.50', '6.00'] }] }],
  },
});
