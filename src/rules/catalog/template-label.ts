import { defineRule } from '../define';

export default defineRule({
  id: 'template_label',
  category: 'placeholder',
  severity: 'info',
  source: '审核实践',
  title: { zh: '目标前保留模板标签', en: 'Template label before the objective' },
  rationale: '绩效目标已填写内容，但保留了“目标内容1”之类的模板标签，文本不规范，印发前应删除。',
  suggestion: '删除“目标内容1”等模板标签，只保留目标本身。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '绩效目标保留模板标签（' || string_agg(regexp_extract(text, '目标内容\\s*\\d+'), '、' ORDER BY item_no) || '），如“' || any_value(text) || '”' AS message
FROM objectives
WHERE regexp_matches(text, '目标内容\\s*\\d') AND trim(regexp_replace(text, '目标内容\\s*\\d+', '', 'g')) <> ''
GROUP BY doc_id, project_id`,
  examples: {
    hits: [{ projects: [{ objectives: ['目标内容1 保障大学生村干部福利待遇', '目标内容2 提高工作积极性'] }] }],
    misses: [
      { projects: [{ objectives: ['目标内容1'] }] },
      { projects: [{ objectives: ['保障大学生村干部福利待遇'] }] },
    ],
  },
});
