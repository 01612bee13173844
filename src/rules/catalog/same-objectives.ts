import { defineRule } from '../define';

export default defineRule({
  id: 'same_objectives',
  category: 'boilerplate',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '多个项目的绩效目标相同', en: 'Same objectives on several projects' },
  rationale:
    '绩效目标应说明本项目预期达到的产出和效果；多个不同项目写同样的目标（如“在规定期限内完成预期效果”），目标没有信息量（审核实践）。',
  suggestion: '按每个项目的内容写明其具体的产出和效果目标。',
  sql: `WITH groups AS (
  SELECT doc_id, objectives, count(*) AS n, list(seq ORDER BY seq) AS seqs, sum(count(*)) OVER (PARTITION BY doc_id) AS projects
  FROM projects WHERE objectives <> '' GROUP BY doc_id, objectives
)
SELECT doc_id, NULL AS project_id, NULL AS indicator_id,
       '第' || array_to_string(seqs, '、') || '张表（共' || n || '个项目）的绩效目标完全相同：“' || replace(objectives, chr(10), '；') || '”' AS message
FROM groups WHERE n >= 3`,
  examples: {
    hits: [
      {
        projects: Array.from({ length: 3 }, (_, i) => ({ name: `项目${i}`, objectives: ['在规定期限内完成预期效果'] })),
      },
    ],
    misses: [
      { projects: Array.from({ length: 3 }, (_, i) => ({ name: `项目${i}`, objectives: [`完成第${i}项工作`] })) },
    ],
  },
});
