import { defineRule } from '../define';
import { VALUE_KEY } from '../sql-parts';

export default defineRule({
  id: 'identical_indicator_sets',
  category: 'no-information',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '不同项目的指标完全相同', en: 'Identical indicator sets across projects' },
  rationale: '不同项目的指标名称和指标值完全一样，说明指标是套用模板，未反映各项目自身的产出和效果（审核实践）。',
  suggestion: '按各项目的实际内容分别设置产出、效益指标。',
  sql: `WITH sets AS (
  SELECT doc_id, project_id, any_value(seq) AS seq,
         string_agg(level2 || '|' || level3 || '|' || ${VALUE_KEY}, '¦' ORDER BY level2, level3, ${VALUE_KEY}) AS signature,
         count(*) AS n
  FROM indicators GROUP BY doc_id, project_id HAVING count(*) >= 3
), groups AS (
  SELECT doc_id, signature, list(seq ORDER BY seq) AS seqs, min(seq) AS first FROM sets GROUP BY doc_id, signature HAVING count(*) > 1
)
SELECT s.doc_id, s.project_id, NULL AS indicator_id,
       '本项目' || s.n || '个指标的名称和指标值与第' || array_to_string(list_filter(g.seqs, x -> x <> s.seq), '、') || '张表完全相同' AS message
FROM sets s JOIN groups g USING (doc_id, signature)`,
  examples: {
    hits: [
      {
        projects: [
          {
            name: '甲',
            indicators: [
              { level2: '数量指标', level3: '次数', value: '≥5次' },
              { level2: '质量指标', level3: '合格率', value: '≥95%' },
              { level2: '服务对象满意度指标', level3: '满意度', value: '≥95%' },
            ],
          },
          {
            name: '乙',
            indicators: [
              { level2: '数量指标', level3: '次数', value: '≥5次' },
              { level2: '质量指标', level3: '合格率', value: '≥95%' },
              { level2: '服务对象满意度指标', level3: '满意度', value: '≥95%' },
            ],
          },
        ],
      },
    ],
    misses: [
      {
        projects: [
          {
            name: '甲',
            indicators: [
              { level2: '数量指标', level3: '次数', value: '≥5次' },
              { level2: '质量指标', level3: '合格率', value: '≥95%' },
              { level2: '服务对象满意度指标', level3: '满意度', value: '≥95%' },
            ],
          },
          {
            name: '乙',
            indicators: [
              { level2: '数量指标', level3: '次数', value: '≥8次' },
              { level2: '质量指标', level3: '合格率', value: '≥95%' },
              { level2: '服务对象满意度指标', level3: '满意度', value: '≥95%' },
            ],
          },
        ],
      },
    ],
  },
});
