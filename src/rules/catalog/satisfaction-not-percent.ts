import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'satisfaction_not_percent',
  category: 'value-kind',
  severity: 'warning',
  source: '财预〔2021〕101号',
  title: { zh: '满意度指标不是百分比', en: 'Satisfaction target not a percentage' },
  rationale: '服务对象满意度应为调查中满意者所占比例，以百分比表述（财预〔2021〕101号）。',
  suggestion: '写明满意比例，如“≥90%”，并说明调查方式。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '满意度指标' || ${NAME} || '的指标值' || ${VALUE} || '不是百分比' AS message
FROM indicators
WHERE level1 = '满意度指标' AND value_kind NOT IN ('percent', 'empty')`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '服务对象满意度指标', level3: '群众满意度', value: '满意' }] }] }],
    misses: [{ projects: [{ indicators: [{ level2: '服务对象满意度指标', level3: '群众满意度', value: '≥90%' }] }] }],
  },
});
