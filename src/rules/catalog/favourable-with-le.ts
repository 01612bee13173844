import { defineRule } from '../define';
import { FAVOURABLE_CELL, IS_ADVERSE, IS_FAVOURABLE, VALUE } from '../sql-parts';

export default defineRule({
  id: 'favourable_with_le',
  category: 'direction',
  severity: 'high',
  source: '财预〔2020〕10号',
  title: { zh: '正向指标用“≤”表述', en: 'Favourable measure written with ≤' },
  rationale:
    '满意度、合格率、完成率、覆盖率等越高越好，指标值方向应为“≥”；写作“≤”把目标变成了上限（指标值应标明方向）。',
  suggestion: '改为“≥”，如“满意度≥90%”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       ${FAVOURABLE_CELL} || '是越高越好的指标，却写作' || ${VALUE} AS message
FROM indicators
WHERE ${IS_FAVOURABLE} AND NOT ${IS_ADVERSE} AND comparator IN ('≤', '<')`,
  examples: {
    hits: [
      { projects: [{ indicators: [{ level2: '社会效益指标', level3: '电话及网络运行的满意率', value: '≤100%' }] }] },
    ],
    misses: [
      { projects: [{ indicators: [{ level2: '服务对象满意度指标', level3: '群众满意度', value: '≥95%' }] }] },
      { projects: [{ indicators: [{ level2: '质量指标', level3: '不合格率', value: '≤2%' }] }] },
    ],
  },
});
