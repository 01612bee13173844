/**
 * Keyword lists the direction rules match in 三级指标 and 绩效指标描述. They are data: extend them
 * here, and test/rules/keywords.test.ts checks each list against the words it must and must not catch.
 */

/** Measures where less is better: written with ≥ they reward the fault (破损率 ≥98%). */
export const ADVERSE_KEYWORDS = [
  '故障率',
  '破损率',
  '损失率',
  '损耗率',
  '差错率',
  '出错率',
  '失误率',
  '事故率',
  '发生率',
  '不合格率',
  '投诉率',
  '投诉',
  '事故',
  '差错',
  '失误',
  '违规率',
  '返工率',
  '延误率',
  '流失率',
  '死亡率',
  '空置率',
  '超支',
  '停机率',
] as const;

/** Measures where more is better: written with ≤ they cap the success (满意率 ≤100%). */
export const FAVOURABLE_KEYWORDS = [
  '满意度',
  '满意率',
  '合格率',
  '完成率',
  '及时率',
  '覆盖率',
  '达标率',
  '知晓率',
  '使用率',
  '利用率',
  '可用率',
  '正常率',
  '保障率',
  '到位率',
  '执行率',
  '受益率',
  '参与率',
  '通过率',
  '优良率',
  '准确率',
  '采纳率',
  '处理率',
  '办结率',
  '提前时间',
  '提前量',
] as const;

/** Words of a growth or change rate, which may exceed 100%. */
export const GROWTH_KEYWORDS = ['增长', '增幅', '提高', '提升', '增加', '同比'] as const;

/** Words that mark a cost target as a per-unit cost (单次, 人均 …), for unit cost × quantity checks. */
export const UNIT_COST_KEYWORDS = [
  '单次',
  '每次',
  '每人',
  '人均',
  '生均',
  '单价',
  '单位成本',
  '每个',
  '每台',
  '每辆',
  '每场',
  '次均',
  '户均',
  '每亩',
  '亩均',
  '每户',
  '每村',
] as const;

/** Words of a rate per period (每人每天 …): such a unit cost does not multiply by a count alone. */
export const PER_PERIOD_KEYWORDS = ['每天', '每日', '/天', '/日', '每月', '每年', '/年'] as const;

/** A SQL condition: `column` contains any of `words` (literals are quoted by `literal`). */
export function containsAny(column: string, words: readonly string[], literal: (s: string) => string): string {
  return `(${words.map((w) => `contains(${column}, ${literal(w)})`).join(' OR ')})`;
}
