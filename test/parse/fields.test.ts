import { describe, expect, it } from 'vitest';
import {
  buildSchedule,
  isProjectCode,
  joinCode,
  parseWan,
  regionCodeOf,
  splitFragments,
  type WanYuan,
  yearOfCode,
} from '../../src/parse';
import { splitObjectives } from '../../src/parse/objectives';

const wan = (n: number) => n as WanYuan;

describe('buildSchedule', () => {
  it('buildSchedule(percent cells) keeps shares as printed', () => {
    const { schedule, problems } = buildSchedule(['25%', '50%', '75%', '100%'], 4, wan(41.77));
    expect(schedule).toEqual({ kind: 'percent', raw: ['25%', '50%', '75%', '100%'], percent: [25, 50, 75, 100] });
    expect(problems).toEqual([]);
  });

  it('buildSchedule(amounts) converts cumulative 万元 to shares although labelled （%）', () => {
    const { schedule } = buildSchedule(['1.50', '3.00', '4.50', '6.00'], 4, wan(6));
    expect(schedule).toEqual({ kind: 'amount', raw: ['1.50', '3.00', '4.50', '6.00'], percent: [25, 50, 75, 100] });
  });

  it('buildSchedule(amounts) divides by the budget without rounding to whole percents', () => {
    const { schedule } = buildSchedule(['2.00', '3.00', '4.00', '5.10'], 4, wan(5.1));
    expect(schedule.kind).toBe('amount');
    expect(schedule.percent).toEqual([39.215686, 58.823529, 78.431373, 100]);
  });

  it('buildSchedule(3 cells) keeps them in order, invents nothing and reports it', () => {
    const { schedule, problems } = buildSchedule(['25%', '50%', '75%'], 4, wan(10));
    expect(schedule.raw).toEqual(['25%', '50%', '75%', null]);
    expect(schedule.percent).toEqual([25, 50, 75, null]);
    expect(problems.map((p) => p.code)).toEqual(['SCHEDULE_CELLS_MISSING']);
  });

  it('buildSchedule(3 amount cells short of the budget) reads amounts when they are quarters of it', () => {
    const { schedule } = buildSchedule(['2.25', '4.50', '6.75'], 4, wan(9));
    expect(schedule.kind).toBe('amount');
    expect(schedule.percent).toEqual([25, 50, 75, null]);
  });

  it('buildSchedule(bare numbers on a 100万元 budget) reads the same shares either way', () => {
    const { schedule } = buildSchedule(['25.00', '50.00', '75.00', '100.00'], 4, wan(100));
    expect(schedule.percent).toEqual([25, 50, 75, 100]);
  });

  it('buildSchedule(no cells) is kind none with a problem', () => {
    const { schedule, problems } = buildSchedule([], 0, wan(5));
    expect(schedule).toEqual({ kind: 'none', raw: [null, null, null, null], percent: [null, null, null, null] });
    expect(problems[0]?.code).toBe('SCHEDULE_EMPTY');
  });
});

describe('project codes', () => {
  it('joinCode(pieces split over lines) joins and uppercases', () =>
    expect(joinCode(['13052922P00584010723', 'X'])).toBe('13052922P00584010723X'));
  it('joinCode(spaces inside) drops them', () =>
    expect(joinCode(['1305 2924P0058401 1911D'])).toBe('13052924P00584011911D'));
  const CODES: [string, boolean][] = [
    ['13052924P00584011911D', true],
    ['13022524P004T4010022X', true],
    ['13052923P005853102622', true],
    ['13028124P00094610001C', true],
    ['1305292', false],
    ['项目编码', false],
  ];
  for (const [code, ok] of CODES) it(`isProjectCode(${code}) is ${ok}`, () => expect(isProjectCode(code)).toBe(ok));
  it('regionCodeOf and yearOfCode read digits 1-6 and 7-8', () => {
    expect(regionCodeOf('13052924P00584011911D')).toBe('130529');
    expect(yearOfCode('13052924P00584011911D')).toBe(2024);
    expect(yearOfCode('13028123P00091110001U')).toBe(2023);
    expect(yearOfCode(null)).toBeNull();
  });
});

describe('parseWan', () => {
  const CASES: [string, number | null][] = [
    ['41.77', 41.77],
    ['1,322.00', 1322],
    ['6.00万元', 6],
    ['１０．００', 10],
    ['', null],
    ['解决节日活动费用', null],
    ['2024年', null],
  ];
  for (const [cell, expected] of CASES)
    it(`parseWan(${JSON.stringify(cell)})`, () => expect(parseWan(cell)).toBe(expected));
});

describe('splitFragments (PDF text lines)', () => {
  const CASES: [string, string[]][] = [
    ['电话及网络故障率 ≤10%', ['电话及网络故障率', '≤10%']],
    ['电话及网络运行的满意率 ≤100% 调查问卷', ['电话及网络运行的满意率', '≤100%', '调查问卷']],
    [
      '可持续影响 持续提高电 电话及网络运行的满意率 ≤95% 调查问卷',
      ['可持续影响', '持续提高电', '电话及网络运行的满意率', '≤95%', '调查问卷'],
    ],
    ['≥30 个', ['≥30 个']],
    ['24 小时自', ['24 小时自']],
    ['增强办事群众对 24 小时政务', ['增强办事群众对 24 小时政务']],
    ['项目完成率 100%', ['项目完成率', '100%']],
    ['满意率 满意率 ≥90% 调查问卷', ['满意率', '满意率', '≥90%', '调查问卷']],
  ];
  for (const [line, expected] of CASES)
    it(`splitFragments(${line})`, () => expect(splitFragments(line)).toEqual(expected));
});

describe('splitObjectives', () => {
  const CASES: [string, string[]][] = [
    [
      '1. 保障活动的宣传推广费用 2. 宣传本地的金银花 3. 扩大活动的影响力',
      ['保障活动的宣传推广费用', '宣传本地的金银花', '扩大活动的影响力'],
    ],
    ['1.提高我镇科技管理工作能力\n2.提高我镇科技服务水平', ['提高我镇科技管理工作能力', '提高我镇科技服务水平']],
    ['<p>1. 甲。</p> <p>2. 乙。</p>', ['甲。', '乙。']],
    ['1.目标内容 1', ['目标内容1']],
    ['在规定期限内完成预期效果', ['在规定期限内完成预期效果']],
    ['1. 预算数2.50万元 2. 其他', ['预算数2.50万元', '其他']],
    ['', []],
  ];
  for (const [text, expected] of CASES)
    it(`splitObjectives(${JSON.stringify(text)})`, () => expect(splitObjectives(text)).toEqual(expected));
});
