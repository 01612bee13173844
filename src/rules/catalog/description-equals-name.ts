import { defineRule } from '../define';
import { NAME } from '../sql-parts';

export default defineRule({
  id: 'description_equals_name',
  category: 'no-information',
  severity: 'info',
  source: '审核实践',
  title: { zh: '指标描述照抄指标名称', en: 'Description repeats the name' },
  rationale: '绩效指标描述应说明指标的含义、口径或计算方法；与三级指标名称完全相同则没有提供信息（审核实践）。',
  suggestion: '写明统计口径或计算方法，如“满意和较满意的服务对象占调查对象的比例”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       '指标描述与指标名称' || ${NAME} || '完全相同' AS message
FROM indicators
WHERE level3 <> '' AND translate(regexp_replace(description, '\\s', '', 'g'), '（）％：', '()%:') = translate(regexp_replace(level3, '\\s', '', 'g'), '（）％：', '()%:')`,
  examples: {
    hits: [
      {
        projects: [
          { indicators: [{ level2: '质量指标', level3: '项目完成率', description: '项目完成率', value: '100%' }] },
        ],
      },
    ],
    misses: [
      {
        projects: [
          {
            indicators: [
              { level2: '质量指标', level3: '资料印制合格率', description: '印制资料经验收合格的比例', value: '≥99%' },
            ],
          },
        ],
      },
    ],
  },
});
