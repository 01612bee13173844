import { defineRule } from '../define';

export default defineRule({
  id: 'same_basis_everywhere',
  category: 'boilerplate',
  severity: 'info',
  source: '财预〔2020〕10号',
  title: { zh: '所有指标的确定依据相同', en: 'Same basis on every indicator' },
  rationale:
    '指标值确定依据应逐项填列计划标准、行业标准、历史标准等（财预〔2020〕10号）；一个项目所有指标都填同一依据，说明依据未逐项确定。',
  suggestion: '为每个指标写明其指标值的具体依据（计划、行业或历史标准）。',
  sql: `SELECT doc_id, project_id, NULL AS indicator_id,
       '本项目' || count(*) || '个指标的确定依据都是“' || any_value(basis) || '”' AS message
FROM indicators
GROUP BY doc_id, project_id
HAVING count(*) >= 5 AND count(DISTINCT basis) = 1 AND any_value(basis) <> ''`,
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
              basis: i === 4 ? '问卷调查' : '计划标准',
            })),
          },
        ],
      },
    ],
  },
});
