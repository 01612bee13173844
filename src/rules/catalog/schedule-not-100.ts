import { defineRule } from '../define';
import { num } from '../sql-parts';

export default defineRule({
  id: 'schedule_not_100',
  category: 'schedule',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '资金支出计划年底不到100%', en: 'Spending schedule does not reach 100%' },
  rationale:
    '当年预算资金应在年底前支出完毕，12月底累计支出进度应为100%；达不到说明计划与预算不衔接（12月底未印出的由“资金支出计划缺少月份”报告）。',
  suggestion: '12月底累计支出进度填100%（或等于预算数的金额）。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '资金支出计划12月底累计为' || ${num('share_pct')} || '%，年底未达到100%' AS message
FROM schedule
WHERE month = 12 AND share_pct < 99.5`,
  examples: {
    hits: [{ projects: [{ schedule: ['25%', '50%', '75%', '90%'] }] }],
    misses: [
      { projects: [{ schedule: ['25%', '50%', '75%', '100%'] }] },
      { projects: [{ schedule: ['30%', '60%', '90%', null] }] },
    ],
  },
});
