import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'outcome_qualitative',
  category: 'unmeasurable',
  severity: 'info',
  source: '财预〔2021〕101号',
  title: { zh: '效益指标为定性表述', en: 'Outcome target qualitative' },
  rationale:
    '效益指标难以量化时允许分级分档的定性表述，但“推动经济社会快速发展”之类口号无法评价，计入统计以便复核（财预〔2021〕101号：定性指标分级分档）。',
  suggestion: '能量化的给出数值；定性的写明可判断的分档，如“显著/较好/一般”及判断依据。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '效益指标' || ${NAME} || '为定性表述' || ${VALUE} AS message
FROM indicators
WHERE level1 = '效益指标' AND value_kind = 'text'`,
  examples: {
    hits: [
      {
        projects: [{ indicators: [{ level2: '社会效益指标', level3: '项目实施效果', value: '推动经济社会快速发展' }] }],
      },
    ],
    misses: [{ projects: [{ indicators: [{ level2: '社会效益指标', level3: '社会积极评价率', value: '≥10%' }] }] }],
  },
});
