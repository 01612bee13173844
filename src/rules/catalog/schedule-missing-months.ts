import { defineRule } from '../define';

export default defineRule({
  id: 'schedule_missing_months',
  category: 'schedule',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '资金支出计划缺少月份', en: 'Spending schedule misses months' },
  rationale: '资金支出计划应填报3月底、6月底、10月底、12月底四个时点的累计支出进度；缺少时点无法监控执行进度。',
  suggestion: '补齐四个时点的累计支出比例（或金额）。',
  sql: `SELECT s.doc_id, s.project_id, NULL AS indicator_id,
       '资金支出计划未列出' || string_agg(s.month || '月底', '、' ORDER BY s.month) || '的数值（可能为提取缺失，请核对原件）' AS message
FROM schedule s JOIN projects p USING (project_id)
WHERE p.schedule_kind <> 'none' AND s.printed IS NULL
GROUP BY s.doc_id, s.project_id`,
  examples: {
    hits: [{ projects: [{ schedule: ['25%', '50%', '75%', null] }] }],
    misses: [{ projects: [{ schedule: ['25%', '50%', '75%', '100%'] }] }],
  },
});
