import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'output_not_measurable',
  category: 'unmeasurable',
  severity: 'warning',
  source: '财预〔2021〕101号',
  title: { zh: '产出指标用文字表述', en: 'Output target in words' },
  rationale:
    '产出指标（数量、质量、时效、成本）应当量化；用文字描述（“控制在预算数内”“良好”）无法考核是否达成（财预〔2021〕101号：能量化的尽量量化）。',
  suggestion: '改为带比较符的数值或日期，如“≤20万元”“≥98%”“2024年12月底前”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '产出指标' || ${NAME} || '用文字' || ${VALUE} || '表述，无法量化考核' AS message
FROM indicators
WHERE level1 = '产出指标' AND value_kind = 'text'`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '成本指标', level3: '项目预算控制数', value: '控制在预算数内' }] }] }],
    misses: [
      { projects: [{ indicators: [{ level2: '成本指标', level3: '项目预算控制数', value: '≤110万元' }] }] },
      { projects: [{ indicators: [{ level2: '社会效益指标', level3: '社会影响', value: '明显改善' }] }] },
    ],
  },
});
