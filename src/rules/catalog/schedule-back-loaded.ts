import { defineRule } from '../define';
import { num } from '../sql-parts';

export default defineRule({
  id: 'schedule_back_loaded',
  category: 'schedule',
  severity: 'info',
  source: '审核实践',
  title: { zh: '资金支出计划过于后置', en: 'Spending schedule back-loaded' },
  rationale: '均衡支出在6月底约为50%；6月底累计不足30%说明资金集中在下半年甚至年底支出，执行风险高（审核实践）。',
  suggestion: '按项目实施进度均衡安排支出，或说明集中支出的原因。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '资金支出计划6月底累计只有' || ${num('share_pct')} || '%，支出集中在下半年' AS message
FROM schedule WHERE month = 6 AND share_pct < 30`,
  examples: {
    hits: [{ projects: [{ schedule: ['5%', '20%', '60%', '100%'] }] }],
    misses: [{ projects: [{ schedule: ['25%', '50%', '75%', '100%'] }] }],
  },
});
