import { defineRule } from '../define';
import { VALUE_KEY } from '../sql-parts';

export default defineRule({
  id: 'boilerplate_value_level',
  category: 'boilerplate',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '同类指标指标值千篇一律', en: 'One value for a whole indicator category' },
  rationale:
    '同一部门各项目的质量、时效等同类指标都填同一个值（如质量指标都写“≥99%”），说明指标值未按项目测算（审核实践；满意度指标不在此列）。',
  suggestion: '按各项目的实际情况和历史数据分别确定同类指标的指标值。',
  sql: `WITH counts AS (
  SELECT doc_id, level2, ${VALUE_KEY} AS k, any_value(value_raw) AS example, count(*) AS n,
         sum(count(*)) OVER (PARTITION BY doc_id, level2) AS rows,
         row_number() OVER (PARTITION BY doc_id, level2 ORDER BY count(*) DESC, ${VALUE_KEY}) AS r
  FROM indicators WHERE level1 <> '满意度指标' AND value_kind <> 'empty' GROUP BY doc_id, level2, k
)
SELECT doc_id, NULL AS project_id, NULL AS indicator_id,
       '本部门' || rows || '个' || level2 || '中有' || n || '个指标值都是“' || example || '”' AS message
FROM counts WHERE r = 1 AND rows >= 5 AND n >= 0.8 * rows`,
  examples: {
    hits: [
      {
        projects: Array.from({ length: 5 }, (_, p) => ({
          indicators: [
            { level2: '质量指标', level3: `质量${p}`, value: '≥99%' },
            { level2: '数量指标', level3: `数量${p}`, value: `≥${p + 2}次` },
          ],
        })),
      },
    ],
    misses: [
      {
        projects: Array.from({ length: 5 }, (_, p) => ({
          indicators: [
            { level2: '质量指标', level3: `质量${p}`, value: p < 3 ? '≥99%' : '≥95%' },
            { level2: '服务对象满意度指标', level3: `满意度${p}`, value: '≥95%' },
          ],
        })),
      },
    ],
  },
});
