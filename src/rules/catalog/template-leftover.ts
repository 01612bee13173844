import { defineRule } from '../define';

/** Template text: 目标内容1, ≥**%, XX, ××, 请填写 … */
const TEMPLATE = `'目标内容\\s*\\d|\\*\\*|[Xx]{2,}|××|＊＊|（此处|请填写'`;

export default defineRule({
  id: 'template_leftover',
  category: 'placeholder',
  severity: 'high',
  source: '审核实践',
  title: { zh: '模板文字未替换', en: 'Template text left in' },
  rationale: '绩效目标只有“目标内容1”，或指标中保留“≥**%”等模板占位文字，说明目标未认真填报。',
  suggestion: '删除模板文字，填写本项目实际的目标或指标名称。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '绩效目标第' || item_no || '条只有模板文字“' || text || '”' AS message
FROM objectives
WHERE regexp_matches(text, '目标内容\\s*\\d') AND trim(regexp_replace(text, '目标内容\\s*\\d+', '', 'g')) = ''
UNION ALL
SELECT doc_id, project_id, indicator_id,
       '指标“' || level3 || '”的' || cell || '保留模板文字“' || t || '”' AS message
FROM (
  SELECT doc_id, project_id, indicator_id, level3, unnest(['三级指标', '指标描述', '指标值']) AS cell, unnest([level3, description, value_raw]) AS t
  FROM indicators
)
WHERE regexp_matches(t, ${TEMPLATE})`,
  examples: {
    hits: [
      { projects: [{ objectives: ['目标内容1'] }] },
      { projects: [{ indicators: [{ level2: '服务对象满意度指标', level3: '群众满意度(≥**%)', value: '≥95%' }] }] },
    ],
    misses: [
      {
        projects: [
          {
            objectives: ['保障冬季取暖'],
            indicators: [{ level2: '服务对象满意度指标', level3: '群众满意度', value: '≥95%' }],
          },
        ],
      },
      { projects: [{ objectives: ['目标内容1 保障大学生村干部福利待遇'] }] },
    ],
  },
});
