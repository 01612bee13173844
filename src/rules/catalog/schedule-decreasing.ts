import { defineRule } from '../define';
import { num } from '../sql-parts';

export default defineRule({
  id: 'schedule_decreasing',
  category: 'schedule',
  severity: 'high',
  source: '审核实践',
  title: { zh: '资金支出计划不是累计数', en: 'Spending schedule not cumulative' },
  rationale: '资金支出计划填报的是截至各时点的累计支出进度，后一时点不应小于前一时点；递减说明填成了当期数或填错。',
  suggestion: '改为累计进度，如25%、50%、75%、100%。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '资金支出计划' || prev_month || '月底为' || ${num('prev_share')} || '%，' || month || '月底降为' || ${num('share_pct')} || '%，不是累计数' AS message
FROM (
  SELECT doc_id, project_id, month, share_pct,
         lag(share_pct) OVER (PARTITION BY project_id ORDER BY month) AS prev_share,
         lag(month) OVER (PARTITION BY project_id ORDER BY month) AS prev_month
  FROM schedule WHERE share_pct IS NOT NULL
)
WHERE share_pct < prev_share - 0.01`,
  examples: {
    hits: [{ projects: [{ schedule: ['25%', '50%', '25%', '100%'] }] }],
    misses: [{ projects: [{ schedule: ['25%', '50%', '75%', '100%'] }] }],
  },
});
