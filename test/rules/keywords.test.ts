import { describe, expect, it } from 'vitest';
import { ADVERSE_KEYWORDS, FAVOURABLE_KEYWORDS, GROWTH_KEYWORDS, UNIT_COST_KEYWORDS } from '../../src/rules';

const matches = (list: readonly string[], text: string) => list.some((w) => text.includes(w));

describe('keyword lists', () => {
  const ADVERSE: [string, boolean][] = [
    ['服装质量破损率', true],
    ['电话及网络故障率', true],
    ['群众投诉次数', true],
    ['安全事故发生率', true],
    ['资料印制合格率', false],
    ['群众满意度', false],
  ];
  for (const [name, hit] of ADVERSE)
    it(`ADVERSE_KEYWORDS ${hit ? 'match' : 'miss'} ${name}`, () => expect(matches(ADVERSE_KEYWORDS, name)).toBe(hit));

  const FAVOURABLE: [string, boolean][] = [
    ['电话及网络运行的满意率', true],
    ['工程质量合格率', true],
    ['任务完成及时率', true],
    ['政务专网覆盖率', true],
    ['故障次数', false],
    ['维护次数', false],
  ];
  for (const [name, hit] of FAVOURABLE)
    it(`FAVOURABLE_KEYWORDS ${hit ? 'match' : 'miss'} ${name}`, () =>
      expect(matches(FAVOURABLE_KEYWORDS, name)).toBe(hit));

  it('GROWTH_KEYWORDS catch growth rates, UNIT_COST_KEYWORDS per-unit costs but not "我单位"', () => {
    expect(matches(GROWTH_KEYWORDS, '签约项目资金增长率')).toBe(true);
    expect(matches(UNIT_COST_KEYWORDS, '单次维护外网系统成本')).toBe(true);
    expect(matches(UNIT_COST_KEYWORDS, '我单位领导及各科室办公运转成本')).toBe(false);
  });

  it('no word is in both the adverse and the favourable list', () => {
    expect(ADVERSE_KEYWORDS.filter((w) => (FAVOURABLE_KEYWORDS as readonly string[]).includes(w))).toEqual([]);
  });
});
