import { defineRule } from '../define';
import { num } from '../sql-parts';

export default defineRule({
  id: 'budget_sum_mismatch',
  category: 'budget',
  severity: 'high',
  source: '财预〔2020〕10号',
  title: { zh: '预算数不等于财政资金加其他资金', en: 'Total ≠ fiscal + other funds' },
  rationale: '项目资金总额应等于财政资金与其他资金之和（财预〔2020〕10号）。',
  suggestion: '核对预算数、财政资金和其他资金，使三者一致。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '预算数' || ${num('budget_wan')} || '万元，财政资金' || ${num('coalesce(fiscal_wan, 0)')} || '万元 + 其他资金' || ${num('coalesce(other_wan, 0)')} ||
       '万元 = ' || ${num('coalesce(fiscal_wan, 0) + coalesce(other_wan, 0)')} || '万元，两者不符' AS message
FROM projects
WHERE budget_wan IS NOT NULL AND (fiscal_wan IS NOT NULL OR other_wan IS NOT NULL)
  AND abs(budget_wan - coalesce(fiscal_wan, 0) - coalesce(other_wan, 0)) > 0.005`,
  examples: {
    hits: [{ projects: [{ budget: { total: 10, fiscal: 8, other: null } }] }],
    misses: [{ projects: [{ budget: { total: 120.5, fiscal: 100.5, other: 20 } }] }],
  },
});
