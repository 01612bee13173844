import { defineRule } from '../define';
import { ADVERSE_CELL, IS_ADVERSE, VALUE } from '../sql-parts';

export default defineRule({
  id: 'adverse_with_ge',
  category: 'direction',
  severity: 'high',
  source: '财预〔2020〕10号',
  title: { zh: '负向指标用“≥”表述', en: 'Adverse measure written with ≥' },
  rationale:
    '故障率、破损率、投诉、事故等越低越好，指标值方向应为“≤”；写作“≥”表示要求至少达到该比例，方向相反（指标值应标明方向：≥越高越好、≤越低越好）。',
  suggestion: '改为“≤”，如“故障率≤2%”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       ${ADVERSE_CELL} || '是越低越好的指标，却写作' || ${VALUE} AS message
FROM indicators
WHERE ${IS_ADVERSE} AND comparator IN ('≥', '>')`,
  examples: {
    hits: [{ projects: [{ indicators: [{ level2: '质量指标', level3: '服装质量破损率', value: '≥98%' }] }] }],
    misses: [
      { projects: [{ indicators: [{ level2: '质量指标', level3: '电话及网络故障率', value: '≤10%' }] }] },
      { projects: [{ indicators: [{ level2: '质量指标', level3: '验收合格率', value: '≥98%' }] }] },
    ],
  },
});
