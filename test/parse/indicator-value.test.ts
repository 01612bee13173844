import { describe, expect, it } from 'vitest';
import { type IndicatorValue, looksLikeValue, parseValue, readValue } from '../../src/parse';

const v = (
  raw: string,
  op: IndicatorValue['op'],
  number: number | null,
  unit: string | null,
  kind: IndicatorValue['kind'],
): IndicatorValue => ({
  raw,
  op,
  number,
  unit,
  kind,
});

const VALUE_CASES: { raw: string; expected: IndicatorValue }[] = [
  { raw: '≥95%', expected: v('≥95%', '≥', 95, '%', 'percent') },
  { raw: '≥95％', expected: v('≥95％', '≥', 95, '%', 'percent') },
  { raw: '$\\geq 95\\%$', expected: v('$\\geq 95\\%$', '≥', 95, '%', 'percent') },
  { raw: '不低于5 次', expected: v('不低于5 次', '≥', 5, '次', 'number') },
  { raw: '≥5 次', expected: v('≥5 次', '≥', 5, '次', 'number') },
  { raw: '≥２次', expected: v('≥２次', '≥', 2, '次', 'number') },
  { raw: '321辆', expected: v('321辆', null, 321, '辆', 'number') },
  { raw: '≥12000平方米', expected: v('≥12000平方米', '≥', 12000, '平方米', 'number') },
  { raw: '≤3.79万元', expected: v('≤3.79万元', '≤', 3.79, '万元', 'money') },
  { raw: '≤417694 元', expected: v('≤417694 元', '≤', 417694, '元', 'money') },
  { raw: '≥10 万元', expected: v('≥10 万元', '≥', 10, '万元', 'money') },
  { raw: '5万元', expected: v('5万元', null, 5, '万元', 'money') },
  { raw: '100%', expected: v('100%', null, 100, '%', 'percent') },
  { raw: '＞90％', expected: v('＞90％', '>', 90, '%', 'percent') },
  { raw: '＝100%', expected: v('＝100%', '=', 100, '%', 'percent') },
  { raw: '<5%', expected: v('<5%', '<', 5, '%', 'percent') },
  { raw: '不高于10%', expected: v('不高于10%', '≤', 10, '%', 'percent') },
  { raw: '达到100%', expected: v('达到100%', '≥', 100, '%', 'percent') },
  { raw: '95%以上', expected: v('95%以上', '≥', 95, '%', 'percent') },
  { raw: '5%以下', expected: v('5%以下', '≤', 5, '%', 'percent') },
  { raw: '年度指标值不低于95%', expected: v('年度指标值不低于95%', '≥', 95, '%', 'percent') },
  { raw: '≥1年', expected: v('≥1年', '≥', 1, '年', 'number') },
  { raw: '≤10 分钟', expected: v('≤10 分钟', '≤', 10, '分钟', 'number') },
  { raw: '300元/亩', expected: v('300元/亩', null, 300, '元/亩', 'money') },
  { raw: '9（个）', expected: v('9（个）', null, 9, '个', 'number') },
  { raw: '2024年12月底前', expected: v('2024年12月底前', null, null, null, 'date') },
  { raw: '2023 年 12 月底前', expected: v('2023 年 12 月底前', null, null, null, 'date') },
  { raw: '12月底前', expected: v('12月底前', null, null, null, 'date') },
  { raw: '2024年底前完成', expected: v('2024年底前完成', null, null, null, 'date') },
  { raw: '2024年年底', expected: v('2024年年底', null, null, null, 'date') },
  { raw: '活动开展后 1 个月内', expected: v('活动开展后 1 个月内', null, null, null, 'date') },
  { raw: '良好', expected: v('良好', null, null, null, 'text') },
  { raw: '推动经济社会快速发展', expected: v('推动经济社会快速发展', null, null, null, 'text') },
  {
    raw: '实际支出金额小于等于预算安排金额',
    expected: v('实际支出金额小于等于预算安排金额', null, null, null, 'text'),
  },
  { raw: '', expected: v('', null, null, null, 'empty') },
  { raw: '   ', expected: v('', null, null, null, 'empty') },
  { raw: '≥**%', expected: v('≥**%', '≥', null, null, 'text') },
];

describe('parseValue', () => {
  for (const c of VALUE_CASES)
    it(`parseValue(${JSON.stringify(c.raw)})`, () => expect(parseValue(c.raw)).toEqual(c.expected));

  it('readValue(≥952024年年底完成) splits a value that ran into the next cell', () => {
    expect(readValue('≥952024年年底完成')).toEqual({
      value: v('≥952024年年底完成', '≥', 95, null, 'number'),
      leftover: '',
      spill: '2024年年底完成',
    });
  });

  it('readValue(≥95%百分比) keeps the stray word as leftover', () => {
    expect(readValue('≥95%百分比')).toEqual({
      value: v('≥95%百分比', '≥', 95, '%', 'percent'),
      leftover: '百分比',
      spill: '',
    });
  });

  it('parseValue never throws on odd input', () => {
    for (const raw of ['≥', '%%%', '≥.5%', '１２３４５６７８９０'.repeat(50), '\u0000\u202e≥95%', '≥1e400%'])
      expect(() => parseValue(raw)).not.toThrow();
  });
});

describe('looksLikeValue', () => {
  const CASES: [string, boolean][] = [
    ['≥30 个', true],
    ['≤10%', true],
    ['100%', true],
    ['12月底前', true],
    ['良好', true],
    ['调查问卷', false],
    ['固定电话使用数量及光纤数', false],
    ['《邢台市人民政', false],
  ];
  for (const [cell, expected] of CASES)
    it(`looksLikeValue(${cell}) is ${expected}`, () => expect(looksLikeValue(cell)).toBe(expected));
});

describe('parseValue regressions from the samples', () => {
  it('parseValue(2024 年年 底完成) (003 #5, spaces between Chinese characters) is a date', () => {
    expect(parseValue('2024 年年 底完成')).toEqual(v('2024 年年 底完成', null, null, null, 'date'));
  });
});
