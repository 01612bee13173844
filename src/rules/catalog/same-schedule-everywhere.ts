import { defineRule } from '../define';

export default defineRule({
  id: 'same_schedule_everywhere',
  category: 'boilerplate',
  severity: 'info',
  source: '审核实践',
  title: { zh: '各项目资金支出计划相同', en: 'Same spending schedule on every project' },
  rationale:
    '不同项目的实施进度不同，资金支出计划却完全一样（如都是25%、50%、75%、100%），说明支出计划是套用而非按项目进度编制（审核实践）。',
  suggestion: '按各项目的采购、实施和付款进度分别编制支出计划。',
  sql: `WITH vectors AS (
  SELECT doc_id, project_id, string_agg(coalesce(CAST(round(share_pct) AS INTEGER) || '%', '—'), '/' ORDER BY month) AS v
  FROM schedule WHERE month < 12 GROUP BY doc_id, project_id
), counts AS (
  SELECT doc_id, v, count(*) AS n, sum(count(*)) OVER (PARTITION BY doc_id) AS projects,
         row_number() OVER (PARTITION BY doc_id ORDER BY count(*) DESC, v) AS r
  FROM vectors GROUP BY doc_id, v
)
SELECT doc_id, NULL AS project_id, NULL AS indicator_id,
       '本部门' || projects || '个项目中有' || n || '个资金支出计划（3月底/6月底/10月底）都是' || v AS message
FROM counts WHERE r = 1 AND projects >= 3 AND n >= 2 * projects / 3.0 AND v NOT LIKE '%—%'`,
  examples: {
    hits: [{ projects: Array.from({ length: 3 }, () => ({ schedule: ['25%', '50%', '75%', '100%'] })) }],
    misses: [
      {
        projects: [
          { schedule: ['25%', '50%', '75%', '100%'] },
          { schedule: ['10%', '40%', '80%', '100%'] },
          { schedule: ['0%', '30%', '90%', '100%'] },
        ],
      },
    ],
  },
});
