import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse';

/**
 * Documents of departments and layouts the samples do not have, written by hand: an HTML export
 * with merged cells in new places and full-width digits, and a Markdown table whose columns come
 * in another order, with the schedule's months and values sharing cells.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/unseen');
const read = (name: string) => parseDocument(readFileSync(join(FIXTURES, name), 'utf8'), name);

describe('documents in layouts the samples do not have', () => {
  it('HTML: another county’s education bureau, cells merged differently', () => {
    const { document: d, diagnostics } = read('教育局-2025.html');
    expect({
      layout: d.layout,
      year: d.year,
      yearInferred: d.yearInferred,
      department: d.department,
      region: d.region,
    }).toEqual({
      layout: 'html',
      year: 2025,
      yearInferred: false,
      department: '新河县教育局',
      region: '新河县',
    });
    expect(d.overall.subGoals).toEqual([
      { title: '保障学校运转', goal: '按时足额拨付公用经费。', indicators: '公用经费拨付及时率100%。' },
    ]);
    expect(d.projects).toHaveLength(1);
    const p = d.projects[0];
    expect({
      seq: p?.seq,
      unitCode: p?.unitCode,
      code: p?.code,
      name: p?.name,
      budget: p?.budget,
      purpose: p?.purpose,
    }).toEqual({
      seq: 1,
      unitCode: '538001',
      code: '13053025P00123010001A',
      name: '农村义务教育学校取暖费',
      budget: { total: 120.5, fiscal: 100.5, other: 20 },
      purpose: '用于35所农村学校冬季取暖燃料采购',
    });
    expect(p?.schedule).toEqual({
      kind: 'percent',
      raw: ['３０％', '４０％', '８０％', '１００％'],
      percent: [30, 40, 80, 100],
    });
    expect(p?.objectives).toEqual(['保障冬季取暖', '学校室温达标']);
    expect(
      p?.indicators.map((i) => [i.level1, i.level2, i.level3, i.value.op, i.value.number, i.value.unit, i.value.kind]),
    ).toEqual([
      ['产出指标', '数量指标', '保障学校数', '≥', 35, '所', 'number'],
      ['产出指标', '质量指标', '室温达标率', '≥', 95, '%', 'percent'],
      ['产出指标', '时效指标', '燃料到位时间', null, null, null, 'date'],
      ['产出指标', '成本指标', '生均取暖成本', '≤', 80, '元', 'money'],
      ['效益指标', '社会效益指标', '冬季正常教学', null, null, null, 'text'],
      ['效益指标', '可持续影响指标', '取暖设施使用年限', '≥', 3, '年', 'number'],
      ['满意度指标', '服务对象满意度指标', '师生满意度', '≥', 90, '%', 'percent'],
    ]);
    expect(diagnostics.filter((g) => g.severity !== 'info')).toEqual([]);
  });

  it('Markdown: another city’s health bureau, columns in another order, months and values in the same cells', () => {
    const { document: d, diagnostics } = read('卫健局-2025.md');
    expect({ layout: d.layout, year: d.year, department: d.department, region: d.region }).toEqual({
      layout: 'markdown',
      year: 2025,
      department: '深州市卫生健康局',
      region: '深州市',
    });
    const p = d.projects[0];
    expect({ seq: p?.seq, code: p?.code, name: p?.name, budget: p?.budget, purpose: p?.purpose }).toEqual({
      seq: 2,
      code: '13118225P00031020007',
      name: '基本公共卫生服务补助资金',
      budget: { total: 560, fiscal: 560, other: null },
      purpose: '按服务人口拨付乡村两级医疗机构',
    });
    expect(p?.schedule).toEqual({ kind: 'percent', raw: ['25%', '50%', '75%', '100%'], percent: [25, 50, 75, 100] });
    expect(p?.objectives).toEqual(['建档率稳步提高', '慢病管理规范']);
    expect(
      p?.indicators.map((i) => [i.level2, i.level3, i.description, i.value.raw, i.value.op, i.value.number]),
    ).toEqual([
      ['数量指标', '建档人数', '居民电子健康档案建档人数', '≥45万人', '≥', 45],
      ['质量指标', '档案合格率', '电子档案合格比例', '不低于 95%', '≥', 95],
      ['时效指标', '资金拨付时间', '补助资金拨付到位时间', '12 月底前', null, null],
      ['成本指标', '人均补助标准', '每服务人口补助标准', '≤89 元', '≤', 89],
      ['社会效益指标', '慢病规范管理率', '高血压糖尿病规范管理比例', '≥60%', '≥', 60],
      ['服务对象满意度指标', '居民满意度', '居民对基本公卫服务满意比例', '≥85%', '≥', 85],
    ]);
    expect(diagnostics.filter((g) => g.severity === 'error')).toEqual([]);
  });
});
