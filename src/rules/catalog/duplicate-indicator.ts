import { defineRule } from '../define';

export default defineRule({
  id: 'duplicate_indicator',
  category: 'no-information',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '同一项目重复设置指标', en: 'Same indicator twice in a project' },
  rationale: '一个项目中同名指标出现两次，或不同名称的指标用同一描述，说明指标是凑数而非反映不同的绩效（审核实践）。',
  suggestion: '删除重复的指标，或改为反映不同方面的指标。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '指标“' || level3 || '”在本项目中出现' || n || '次（' || levels || '）' AS message
FROM (
  SELECT doc_id, project_id, indicator_id, level3, row_no,
         count(*) OVER w AS n, string_agg(level2, '、') OVER w AS levels,
         count(DISTINCT level2) OVER w AS level2s, count(DISTINCT description) OVER w AS descriptions,
         row_number() OVER (PARTITION BY project_id, level3 ORDER BY row_no) AS k
  FROM indicators WHERE level3 <> ''
  WINDOW w AS (PARTITION BY project_id, level3)
)
WHERE n > 1 AND k = 2 AND (level2s > 1 OR descriptions = 1)
UNION ALL
SELECT doc_id, project_id, indicator_id,
       '指标描述“' || description || '”在本项目中用于' || n || '个不同名称的指标' AS message
FROM (
  SELECT doc_id, project_id, indicator_id, description, level3,
         count(*) OVER w AS n, count(DISTINCT level3) OVER w AS names,
         row_number() OVER (PARTITION BY project_id, description ORDER BY row_no) AS k
  FROM indicators WHERE length(description) >= 4
  WINDOW w AS (PARTITION BY project_id, description)
)
WHERE n > 1 AND names = n AND k = 2`,
  examples: {
    hits: [
      {
        projects: [
          {
            indicators: [
              { level2: '社会效益指标', level3: '政务专网运行的满意率', value: '≥100%' },
              { level2: '可持续影响指标', level3: '政务专网运行的满意率', value: '≥90%' },
            ],
          },
        ],
      },
    ],
    misses: [
      {
        projects: [
          {
            indicators: [
              { level2: '社会效益指标', level3: '社会积极评价率', value: '≥10%' },
              { level2: '可持续影响指标', level3: '持续服务率', value: '≥98%' },
            ],
          },
        ],
      },
    ],
  },
});
