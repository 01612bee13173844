import { defineRule } from '../define';

export default defineRule({
  id: 'empty_cell',
  category: 'placeholder',
  severity: 'warning',
  source: '财预〔2020〕10号',
  title: { zh: '指标要素空缺', en: 'Indicator cell left empty' },
  rationale: '每个指标应填写指标名称、指标值和指标值确定依据，依据逐项填列（财预〔2020〕10号）；空缺的格无法审核。',
  suggestion: '补全空缺的指标名称、指标值或确定依据。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '指标“' || coalesce(nullif(level3, ''), level2) || '”缺少' ||
       concat_ws('、', CASE WHEN level3 = '' THEN '三级指标名称' END, CASE WHEN value_kind = 'empty' THEN '指标值' END,
                 CASE WHEN basis = '' THEN '指标值确定依据' END) AS message
FROM indicators
WHERE level3 = '' OR value_kind = 'empty' OR basis = ''`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '数量指标', level3: '培训人数', value: '', basis: '计划标准' }] }] }],
    misses: [
      { projects: [{ indicators: [{ level2: '数量指标', level3: '培训人数', value: '≥30人', basis: '计划标准' }] }] },
    ],
  },
});
