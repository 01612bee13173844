import { defineRule } from '../define';

export default defineRule({
  id: 'same_basis_everywhere',
  category: 'boilerplate',
  severity: 'info',
  source: '财预〔2020〕10号',
  title: { zh: '指标确定依据千篇一律', en: 'Same basis on (nearly) every indicator' },
  rationale:
    '指标值确定依据应逐项填列计划标准、行业标准、历史标准等（财预〔2020〕10号）；一个项目所有指标都填同一依据，说明依据未逐项确定。',
  suggestion: '为每个指标写明其指标值的具体依据（计划、行业或历史标准）。',
  sql: `WITH counts AS (
  SELECT doc_id, project_id, basis, count(*) AS n, sum(count(*)) OVER (PARTITION BY project_id) AS rows,
         row_number() OVER (PARTITION BY project_id ORDER BY count(*) DESC, basis) AS r
  FROM indicators GROUP BY doc_id, project_id, basis
)
SELECT doc_id, project_id, NULL AS indicator_id,
       '本项目' || rows || '个指标中有' || n || '个的确定依据都是“' || basis || '”' AS message
FROM counts WHERE r = 1 AND rows >= 5 AND n >= 0.8 * rows AND basis <> ''`,
  examples: {
    hits: [
      {
        projects: [
          {
            indicators: ['数量指标', '质量指标', '时效指标', '成本指标', '服务对象满意度指标'].map((level2, i) => ({
              level2,
              level3: `指标${i}`,
              value: '≥95%',
              basis: '根据工作安排',
            })),
          },
        ],
      },
    ],
    misses: [
      {
        projects: [
          {
            indicators: ['数量指标', '质量指标', '时效指标', '成本指标', '服务对象满意度指标'].map((level2, i) => ({
              level2,
              level3: `指标${i}`,
              value: '≥95%',
              basis: i >= 3 ? '问卷调查' : '计划标准',
            })),
          },
        ],
      },
    ],
  },
});
