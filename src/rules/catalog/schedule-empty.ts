import { defineRule } from '../define';

export default defineRule({
  id: 'schedule_empty',
  category: 'schedule',
  severity: 'high',
  source: '审核实践',
  title: { zh: '没有资金支出计划', en: 'No spending schedule' },
  rationale: '绩效目标表应填报资金支出计划，作为预算执行监控的依据；完全空白无法监控。',
  suggestion: '填报3月底、6月底、10月底、12月底的累计支出进度。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id, '资金支出计划没有填报任何数值' AS message
FROM projects WHERE schedule_kind = 'none'`,
  examples: {
    hits: [{ projects: [{ schedule: [null, null, null, null] }] }],
    misses: [{ projects: [{ schedule: ['25%', '50%', '75%', '100%'] }] }],
  },
});
