import { defineRule } from '../define';
import { VALUE_KEY } from '../sql-parts';

export default defineRule({
  id: 'identical_indicator_sets',
  category: 'no-information',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '不同项目的指标基本相同', en: 'Near-identical indicator sets across projects' },
  rationale:
    '不同项目的指标名称和指标值大部分相同（七成以上），说明指标是套用其他项目或模板，未反映本项目自身的产出和效果（审核实践）。',
  suggestion: '按本项目的实际内容重新设置产出、效益指标。',
  sql: `WITH rows AS (
  SELECT DISTINCT doc_id, project_id, seq, level2 || '|' || level3 || '|' || ${VALUE_KEY} AS sig FROM indicators
), sizes AS (
  SELECT project_id, count(*) AS n FROM rows GROUP BY project_id
), pairs AS (
  SELECT a.doc_id, a.project_id AS first_id, a.seq AS first_seq, b.project_id, b.seq, count(*) AS shared
  FROM rows a JOIN rows b ON a.doc_id = b.doc_id AND a.sig = b.sig AND a.seq < b.seq
  GROUP BY ALL
)
SELECT p.doc_id, p.project_id, NULL AS indicator_id,
       '本项目' || sb.n || '个指标中有' || p.shared || '个的名称和指标值与第' || p.first_seq || '张表相同' AS message
FROM pairs p JOIN sizes sa ON sa.project_id = p.first_id JOIN sizes sb ON sb.project_id = p.project_id
WHERE p.shared >= 5 AND p.shared >= 0.7 * greatest(sa.n, sb.n)
QUALIFY row_number() OVER (PARTITION BY p.project_id ORDER BY p.shared DESC, p.first_seq) = 1`,
  examples: {
    hits: [
      {
        projects: [0, 1].map((k) => ({
          name: `项目${k}`,
          indicators: ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标'].map(
            (level2, i) => ({
              level2,
              level3: `指标${i}`,
              value: i === 5 && k === 1 ? '≥90%' : '≥95%',
            }),
          ),
        })),
      },
    ],
    misses: [
      {
        projects: [0, 1].map((k) => ({
          name: `项目${k}`,
          indicators: ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '服务对象满意度指标'].map(
            (level2, i) => ({
              level2,
              level3: `指标${i}`,
              value: i < 3 || k === 0 ? '≥95%' : '≥90%',
            }),
          ),
        })),
      },
    ],
  },
});
