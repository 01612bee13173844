import { defineRule } from '../define';
import { IS_COST } from '../sql-parts';

export default defineRule({
  id: 'missing_category',
  category: 'completeness',
  severity: 'warning',
  source: '中发〔2018〕34号',
  title: { zh: '缺少产出、效益、满意度或成本指标', en: 'Missing output, outcome, satisfaction or cost targets' },
  rationale: '绩效目标应涵盖产出、成本、效益和满意度（中发〔2018〕34号《关于全面实施预算绩效管理的意见》）。',
  suggestion: '补充缺少的一级指标（产出、效益、满意度）及成本指标。',
  sql: `SELECT p.doc_id, p.project_id, NULL AS indicator_id,
       '项目缺少' || concat_ws('、',
         CASE WHEN count(*) FILTER (WHERE i.level1 = '产出指标') = 0 THEN '产出指标' END,
         CASE WHEN count(*) FILTER (WHERE i.level1 = '效益指标') = 0 THEN '效益指标' END,
         CASE WHEN count(*) FILTER (WHERE i.level1 = '满意度指标') = 0 THEN '满意度指标' END,
         CASE WHEN count(*) FILTER (WHERE ${IS_COST.replace(/level/g, 'i.level')}) = 0 THEN '成本指标' END) AS message
FROM projects p LEFT JOIN indicators i USING (project_id)
GROUP BY p.doc_id, p.project_id
HAVING count(*) FILTER (WHERE i.level1 = '产出指标') = 0 OR count(*) FILTER (WHERE i.level1 = '效益指标') = 0
    OR count(*) FILTER (WHERE i.level1 = '满意度指标') = 0 OR count(*) FILTER (WHERE ${IS_COST.replace(/level/g, 'i.level')}) = 0`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '数量指标', level3: '次数', value: '≥5次' }] }] }],
    misses: [
      {
        projects: [
          {
            indicators: [
              { level2: '数量指标', level3: '次数', value: '≥5次' },
              { level2: '成本指标', level3: '项目成本', value: '≤5万元' },
              { level2: '社会效益指标', level3: '社会评价', value: '≥10%' },
              { level2: '服务对象满意度指标', level3: '满意度', value: '≥90%' },
            ],
          },
        ],
      },
    ],
  },
});
