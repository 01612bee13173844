import { defineRule } from '../define';
import { IS_GROWTH, NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'percent_over_100',
  category: 'impossible',
  severity: 'high',
  source: '审核实践',
  title: { zh: '比例超过100%', en: 'Share above 100%' },
  rationale:
    '比例类指标（满意度、完成率、合格率）最多为100%；“≥100%”或超过100%的目标无法超额达成，不是有意义的目标（增长率除外）。',
  suggestion: '比例类指标写“=100%”或合理的下限如“≥95%”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       ${NAME} || '的指标值' || ${VALUE} || '超过或要求超过100%' AS message
FROM indicators
WHERE value_kind = 'percent' AND value_unit = '%' AND NOT ${IS_GROWTH}
  AND (value_num > 100 OR (value_num = 100 AND comparator IN ('≥', '>')))`,
  examples: {
    hits: [
      { projects: [{ indicators: [{ level2: '时效指标', level3: '软件设备安装完成率', value: '≥100%' }] }] },
      { projects: [{ indicators: [{ level2: '质量指标', level3: '合格率', value: '120%' }] }] },
    ],
    misses: [
      { projects: [{ indicators: [{ level2: '质量指标', level3: '水质达标率', value: '100%' }] }] },
      { projects: [{ indicators: [{ level2: '经济效益指标', level3: '销售额增长率', value: '≥120%' }] }] },
    ],
  },
});
