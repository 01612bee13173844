/**
 * Column-aligned text of a 绩效目标表 with narrow columns (as a PDF made from Word prints it): labels,
 * the project code, amounts and values wrap in their cells, and the parser puts them together again.
 * The table is the first of sample 001 as LibreOffice lays it out in 2.3 cm columns (see
 * scripts/lib/fixtures.ts, NARROW), shortened, with a few cells changed to show each kind of wrap.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse';
import { readOverall } from '../../src/parse/part1';
import { readHeaderFields, SEP } from '../../src/parse/table-header';

const TABLE = `
                  1.光纤租赁和短信机费用绩效目标表
435001巨鹿县行政审批局本级
                                                                     单位：万元
 项目编码    13052922P00584010        项目名  光纤租赁和短信机费用
             723X                     称
 预算规模及  预算数       1322.00     其中：  1322.    其他资金
 资金用途                             财政资  00
                                      金
             光纤租赁和短信机费用
 资金支出    3月底        6月底       10月    12月底
 计划                                 底
 （%）       25%                      50%     100%
 绩效目标    1.目标内容 1
 一级指标    二级指标     三级指标    绩效指标描述     指标值      指标值确定
                                                                   依据
 产出指标    数量指标     固定电话    固定电话使用数   ≥30个       《邢台市人
                          使用数量    量及光纤数量                 民政务办公
                          及光纤数                                 室关于做好
                          量                                       全市电子政
             时效指标     完成时间    当年完成该笔资   2023年      统计调查
                                      金支出的时间     12月底前
             成本指标     电话及光    电话及光纤支出   ≤41769      《邢台市人
                          纤支出费    费用             4元         民政务办公

                          用                                       室关于做好
                          网络维护    网络维护费用     70.4万元    调查问卷
                          成本
                          线路维护    线路维护费用     29.6万元    调查问卷
 效益指标    社会效益指   电话及网    电话及网络运行   ≤100%       调查问卷
             标           络运行的    的满意率
                          满意率
 满意度指标  服务对象满   活动参与    活动参与者满意   ≥90%        调查问卷
             意度指标     者满意率    率
`;

describe('aligned text with narrow columns', () => {
  const { document } = parseDocument(TABLE, 'narrow.txt');
  const project = document.projects[0];

  it('is read as one aligned table', () => {
    expect(document.layout).toBe('aligned');
    expect(document.projects.length).toBe(1);
  });

  it('joins a project code wrapped in its cell, and keeps the name apart', () => {
    expect(project?.code).toBe('13052922P00584010723X');
    expect(project?.name).toBe('光纤租赁和短信机费用');
  });

  it('reads wrapped budget labels and an amount broken over lines ("1322." / "00")', () => {
    expect(project?.budget).toEqual({ total: 1322, fiscal: 1322, other: null });
    expect(project?.purpose).toBe('光纤租赁和短信机费用');
  });

  it('places schedule cells under their month headers ("10月" / "底"), beside a label spanning both rows', () => {
    expect(project?.schedule.raw).toEqual(['25%', null, '50%', '100%']);
  });

  it('reads the header with a wrapped label (指标值确定 / 依据) and every indicator row', () => {
    expect(project?.indicators.map((i) => [i.level1, i.level2, i.level3])).toEqual([
      ['产出指标', '数量指标', '固定电话使用数量及光纤数量'],
      ['产出指标', '时效指标', '完成时间'],
      ['产出指标', '成本指标', '电话及光纤支出费用'],
      ['产出指标', '成本指标', '网络维护成本'],
      ['产出指标', '成本指标', '线路维护'],
      ['效益指标', '社会效益指标', '电话及网络运行的满意率'],
      ['满意度指标', '服务对象满意度指标', '活动参与者满意率'],
    ]);
    expect(project?.indicators[0]?.basis).toBe('《邢台市人民政务办公室关于做好全市电子政');
  });

  it('joins a value broken in its column, though both parts look like values ("2023年" / "12月底前", "≤41769" / "4元")', () => {
    const values = project?.indicators.map((i) => [i.value.raw, i.value.op, i.value.number, i.value.unit]);
    expect(values?.[1]).toEqual(['2023年12月底前', null, null, null]);
    expect(values?.[2]).toEqual(['≤417694元', '≤', 417694, '元']);
    // Whole values under whole values are two rows (merged 成本指标): 70.4万元, then 29.6万元.
    expect(values?.[3]).toEqual(['70.4万元', null, 70.4, '万元']);
    expect(values?.[4]).toEqual(['29.6万元', null, 29.6, '万元']);
  });
});

describe('header fields', () => {
  it('"2023 年，…" after 其他资金 is the purpose, not an amount of 2023', () => {
    const h = readHeaderFields(
      ['项目编码', '13052922P00584010723X', '项目名称', '节日活动', '预算数', '10.00', '其中：财政资金', '10.00']
        .concat(['其他资金', '2023 年，开展节日活动'])
        .join(SEP),
    );
    expect(h.other).toBeNull();
    expect(h.purpose).toBe('2023年，开展节日活动');
  });

  it('an amount followed by the purpose in one piece is still read', () => {
    const h = readHeaderFields(['预算数', '41.77 解决节日活动费用'].join(SEP));
    expect(h.total).toBe(41.77);
    expect(h.purpose).toBe('解决节日活动费用');
  });
});

describe('Part 1 read by paragraph, not by line', () => {
  const lines = (broken: boolean) => [
    '一、总体绩效目标',
    '做好公务用车管理。',
    '二、分项绩效目标',
    '1.公务用车监督管理服务平台',
    '（1）数量指标：年度指标值325辆。',
    ...(broken
      ? ['（2）质量指标：与省市平台互联互通率：年度指标值不低于', '- 3 -', '100%，完成值100%。']
      : ['（2）质量指标：与省市平台互联互通率：年度指标值不低于100%，完成值100%。']),
    '三、工作保障措施',
    '1.加强管理。',
  ];

  it('a paragraph broken before "100%，完成值100%。" (and a page number) stays with its indicator', () => {
    expect(readOverall(lines(true))).toEqual(readOverall(lines(false)));
    expect(readOverall(lines(true)).subGoals[0]?.goal).toBe('');
  });
});
