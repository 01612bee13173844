import { defineRule } from '../define';

/** Template text left unfilled: 目标内容1, ≥**%, XX, ××. */
const LEFTOVER = `regexp_matches(t, '目标内容\\s*\\d|\\*\\*|[Xx]{2,}|××|＊＊|指标值\\s*\\d|（此处|请填写')`;

export default defineRule({
  id: 'template_leftover',
  category: 'placeholder',
  severity: 'high',
  source: '审核实践',
  title: { zh: '模板文字未替换', en: 'Template text left in' },
  rationale: '绩效目标表中保留“目标内容1”“≥**%”等模板占位文字，说明目标未认真填报。',
  suggestion: '删除模板文字，填写本项目实际的目标或指标名称。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '绩效目标第' || item_no || '条保留模板文字：“' || t || '”' AS message
FROM (SELECT doc_id, project_id, item_no, text AS t FROM objectives)
WHERE ${LEFTOVER}
UNION ALL
SELECT doc_id, project_id, indicator_id,
       '指标“' || level3 || '”保留模板文字：“' || t || '”' AS message
FROM (SELECT doc_id, project_id, indicator_id, level3, level3 || ' ' || description || ' ' || value_raw AS t FROM indicators)
WHERE ${LEFTOVER}`,
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
    ],
  },
});
