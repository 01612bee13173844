import { defineRule } from '../define';
import { num, VALUE_KEY } from '../sql-parts';

export default defineRule({
  id: 'boilerplate_value_department',
  category: 'boilerplate',
  severity: 'high',
  source: '审核实践',
  title: { zh: '部门大多数指标值相同', en: 'One value on most indicators of a department' },
  rationale:
    '一个部门过半的指标都填同一个值（如“≥95%”），指标值显然是套用而非测算，整体绩效目标失去约束力（审核实践）。',
  suggestion: '逐项目、逐指标按实际测算指标值，避免统一套用。',
  sql: `WITH counts AS (
  SELECT doc_id, ${VALUE_KEY} AS k, any_value(value_raw) AS example, count(*) AS n,
         row_number() OVER (PARTITION BY doc_id ORDER BY count(*) DESC) AS r
  FROM indicators WHERE value_kind IN ('percent', 'number', 'money') GROUP BY doc_id, k
), totals AS (SELECT doc_id, count(*) AS rows FROM indicators GROUP BY doc_id)
SELECT c.doc_id, NULL AS project_id, NULL AS indicator_id,
       '本部门' || t.rows || '个指标中有' || c.n || '个（' || ${num('100.0 * c.n / t.rows')} || '%）指标值都是“' || c.example || '”' AS message
FROM counts c JOIN totals t USING (doc_id)
WHERE c.r = 1 AND t.rows >= 10 AND c.n >= 0.5 * t.rows`,
  examples: {
    hits: [
      {
        projects: Array.from({ length: 2 }, () => ({
          indicators: ['数量指标', '质量指标', '时效指标', '成本指标', '服务对象满意度指标'].map((level2, i) => ({
            level2,
            level3: `指标${i}`,
            value: i < 4 ? '≥95%' : '≥90%',
          })),
        })),
      },
    ],
    misses: [
      {
        projects: Array.from({ length: 2 }, (_, p) => ({
          indicators: ['数量指标', '质量指标', '时效指标', '成本指标', '服务对象满意度指标'].map((level2, i) => ({
            level2,
            level3: `指标${i}`,
            value: ['≥5次', '≥99%', '12月底前', `≤${p + 3}万元`, '≥90%'][i] as string,
          })),
        })),
      },
    ],
  },
});
