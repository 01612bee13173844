import { defineRule } from '../define';
import { VALUE_KEY } from '../sql-parts';

export default defineRule({
  id: 'boilerplate_value_project',
  category: 'boilerplate',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '项目内多数指标值相同', en: 'One value on most indicators of a project' },
  rationale:
    '数量、质量、时效、成本、效益各类指标含义不同，指标值却大多相同（如都写“≥95%”），说明指标值未按实际测算（财预〔2021〕101号要求指标值有据可依）。',
  suggestion: '按每个指标的含义和历史数据分别确定指标值。',
  sql: `WITH v AS (
  SELECT doc_id, project_id, value_raw, ${VALUE_KEY} AS k FROM indicators WHERE value_kind IN ('percent', 'number', 'money')
), counts AS (
  SELECT doc_id, project_id, k, any_value(value_raw) AS example, count(*) AS n,
         sum(count(*)) OVER (PARTITION BY project_id) AS valued,
         row_number() OVER (PARTITION BY project_id ORDER BY count(*) DESC, k) AS r
  FROM v GROUP BY doc_id, project_id, k
), totals AS (SELECT project_id, count(*) AS rows FROM indicators GROUP BY project_id)
SELECT c.doc_id, c.project_id, NULL AS indicator_id,
       '本项目' || t.rows || '个指标中有' || c.n || '个指标值都是“' || c.example || '”' AS message
FROM counts c JOIN totals t USING (project_id)
WHERE c.r = 1 AND t.rows >= 5 AND c.n >= 4 AND c.n >= 0.6 * t.rows`,
  examples: {
    hits: [
      {
        projects: [
          {
            indicators: [
              { level2: '数量指标', level3: '甲', value: '≥95%' },
              { level2: '质量指标', level3: '乙', value: '≥95%' },
              { level2: '时效指标', level3: '丙', value: '≥95%' },
              { level2: '成本指标', level3: '丁', value: '≥95%' },
              { level2: '服务对象满意度指标', level3: '戊', value: '≥95%' },
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
              { level2: '数量指标', level3: '甲', value: '≥5次' },
              { level2: '质量指标', level3: '乙', value: '≥99%' },
              { level2: '时效指标', level3: '丙', value: '12月底前' },
              { level2: '成本指标', level3: '丁', value: '≤5万元' },
              { level2: '服务对象满意度指标', level3: '戊', value: '≥95%' },
            ],
          },
        ],
      },
    ],
  },
});
