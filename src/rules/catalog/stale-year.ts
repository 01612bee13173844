import { defineRule } from '../define';
import { NAME, VALUE } from '../sql-parts';

export default defineRule({
  id: 'stale_year',
  category: 'stale',
  severity: 'warning',
  source: '审核实践',
  title: { zh: '指标值中的年份不是预算年度', en: 'Year in a target is not the budget year' },
  rationale:
    '预算年度的绩效目标应在本年度内考核；指标值写的是往年年份（如2024年预算写“2023年12月底前”），多为照抄往年文本（审核实践）。',
  suggestion: '把时限改为预算年度内的日期，如预算年度的“12月底前”。',
  sql: `SELECT doc_id, project_id, indicator_id,
       ${NAME} || '的指标值' || ${VALUE} || '写的是' || y || '年，预算年度为' || year || '年' AS message
FROM (SELECT *, TRY_CAST(regexp_extract(regexp_replace(value_raw, '\\s', '', 'g'), '(20\\d\\d)年', 1) AS INTEGER) AS y FROM indicators
      WHERE regexp_matches(regexp_replace(value_raw, '\\s', '', 'g'), '20\\d\\d年'))
WHERE year IS NOT NULL AND y <> year`,
  examples: {
    hits: [
      { year: 2024, projects: [{ indicators: [{ level2: '时效指标', level3: '完成时间', value: '2023年12月底前' }] }] },
    ],
    misses: [
      { year: 2024, projects: [{ indicators: [{ level2: '时效指标', level3: '完成时间', value: '2024年12月底前' }] }] },
    ],
  },
});
