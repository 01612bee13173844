import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, type TargetDocument } from '../../src/parse';

const DATA = join(import.meta.dirname, '../../data');

/** Facts read off the five samples by hand (DOMAIN.md table; budget sums checked against the source text). */
const SAMPLES: {
  file: string;
  department: string;
  region: string;
  year: number;
  yearInferred: boolean;
  projects: number;
  budgetSum: number;
  layout: string;
}[] = [
  {
    file: '000_f89d2670d01150aa.txt',
    department: '巨鹿县人民政府办公室',
    region: '巨鹿县',
    year: 2024,
    yearInferred: false,
    projects: 19,
    budgetSum: 546.22,
    layout: 'tsv',
  },
  {
    file: '001_a1f1e70e06024129.txt',
    department: '巨鹿县行政审批局',
    region: '巨鹿县',
    year: 2022,
    yearInferred: true,
    projects: 6,
    budgetSum: 60,
    layout: 'pdf-text',
  },
  {
    file: '002_ac5e126242d67814.txt',
    department: '巨鹿县官亭镇人民政府',
    region: '巨鹿县',
    year: 2023,
    yearInferred: true,
    projects: 23,
    budgetSum: 629.9,
    layout: 'word',
  },
  {
    file: '003_1dc3a85c290a1481.txt',
    department: '遵化市人民政府办公室',
    region: '遵化市',
    year: 2024,
    yearInferred: false,
    projects: 15,
    budgetSum: 2064.5,
    layout: 'tsv',
  },
  {
    file: '004_cd6aa045fd0140d4.txt',
    department: '乐亭县机关事务中心',
    region: '乐亭县',
    year: 2024,
    yearInferred: true,
    projects: 4,
    budgetSum: 430,
    layout: 'word',
  },
];

function read(file: string): { text: string; doc: TargetDocument } {
  const text = readFileSync(join(DATA, file), 'utf8');
  return { text, doc: parseDocument(text, file).document };
}

/** An extraction independent of the parser: the text between 项目编码 and 项目名称, and the number after 预算数. */
function independentTables(text: string): { code: string; total: number }[] {
  return text
    .split('项目编码')
    .slice(1)
    .map((part) => ({
      code: (/^\s*([0-9A-Z][0-9A-Z\s]{18,40}?)\s*项目名称/.exec(part)?.[1] ?? '').replace(/\s/g, ''),
      total: Number(/预算数\s*([\d.]+)/.exec(part)?.[1]),
    }));
}

describe('the five samples', () => {
  it('hold 67 projects in all', () => {
    expect(SAMPLES.reduce((n, s) => n + read(s.file).doc.projects.length, 0)).toBe(67);
  });

  for (const s of SAMPLES) {
    it(`${s.file}: metadata, layout, project count and budget sum`, () => {
      const { doc } = read(s.file);
      expect({
        department: doc.department,
        region: doc.region,
        year: doc.year,
        yearInferred: doc.yearInferred,
        layout: doc.layout,
      }).toEqual({
        department: s.department,
        region: s.region,
        year: s.year,
        yearInferred: s.yearInferred,
        layout: s.layout,
      });
      expect(doc.projects).toHaveLength(s.projects);
      const sum = doc.projects.reduce((n, p) => n + (p.budget.total ?? Number.NaN), 0);
      expect(sum).toBeCloseTo(s.budgetSum, 2);
    });

    it(`${s.file}: codes and budgets agree with an independent extraction, fiscal + other = total`, () => {
      const { text, doc } = read(s.file);
      const expected = independentTables(text);
      expect(doc.projects.map((p) => ({ code: p.code, total: p.budget.total }))).toEqual(expected);
      for (const p of doc.projects)
        expect((p.budget.fiscal ?? 0) + (p.budget.other ?? 0)).toBeCloseTo(p.budget.total ?? Number.NaN, 2);
    });

    it(`${s.file}: every project has 6-12 indicators, each with a level-1/2 label and a value`, () => {
      const { doc } = read(s.file);
      for (const p of doc.projects) {
        expect(p.indicators.length, `project ${p.seq}`).toBeGreaterThanOrEqual(6);
        expect(p.indicators.length, `project ${p.seq}`).toBeLessThanOrEqual(12);
        for (const ind of p.indicators) {
          expect(['产出指标', '效益指标', '满意度指标']).toContain(ind.level1);
          expect(ind.level2).toMatch(/指标$/);
          expect(ind.value.kind).not.toBe('empty');
        }
      }
    });
  }
});

/** Traps from DOMAIN.md, each checked at the place it occurs. */
describe('sample traps', () => {
  const project = (file: string, seq: number) => {
    const p = read(file).doc.projects.find((x) => x.seq === seq);
    if (!p) throw new Error(`no project ${seq} in ${file}`);
    return p;
  };

  it('000 #1: schedule prints 3 of 4 cells, kept in order, December null', () => {
    expect(project('000_f89d2670d01150aa.txt', 1).schedule).toEqual({
      kind: 'percent',
      raw: ['25%', '50%', '75%', null],
      percent: [25, 50, 75, null],
    });
  });

  it('000 #18: three cells printed under 6月底/10月底/12月底 stay under those months', () => {
    expect(project('000_f89d2670d01150aa.txt', 18).schedule).toEqual({
      kind: 'percent',
      raw: [null, '70%', '90%', '100%'],
      percent: [null, 70, 90, 100],
    });
  });

  it('000 #1: cost in 元 (≤417694 元) is money', () => {
    const cost = project('000_f89d2670d01150aa.txt', 1).indicators.find((i) => i.level2 === '成本指标');
    expect(cost?.value).toEqual({ raw: '≤417694 元', op: '≤', number: 417694, unit: '元', kind: 'money' });
  });

  it('000 #18-19: a second budget unit (434003) in the same document', () => {
    expect(project('000_f89d2670d01150aa.txt', 18).unitCode).toBe('434003');
    expect(project('000_f89d2670d01150aa.txt', 17).unitCode).toBe('434001');
  });

  it('001 #1: code split over two lines is joined; amounts under a （%） label become shares', () => {
    const p = project('001_a1f1e70e06024129.txt', 1);
    expect(p.code).toBe('13052922P00584010723X');
    expect(p.schedule).toEqual({ kind: 'amount', raw: ['1.50', '3.00', '4.50', '6.00'], percent: [25, 50, 75, 100] });
  });

  it('001 #1: a row split across a page break is joined (可持续影响 … 指标)', () => {
    const row = project('001_a1f1e70e06024129.txt', 1).indicators[5];
    expect(row).toMatchObject({
      level1: '效益指标',
      level2: '可持续影响指标',
      level3: '持续提高电话及网络的稳定性',
      description: '电话及网络运行的满意率',
    });
    expect(row?.value).toMatchObject({ op: '≤', number: 95, unit: '%' });
  });

  it('001 #3: damage rate written ≥98%, cost written ≥9万元 are read as printed', () => {
    const inds = project('001_a1f1e70e06024129.txt', 3).indicators;
    expect(inds.find((i) => i.level3 === '服装质量破损率')?.value).toMatchObject({ op: '≥', number: 98, unit: '%' });
    expect(inds.find((i) => i.level2 === '成本指标')?.value).toMatchObject({
      op: '≥',
      number: 9,
      unit: '万元',
      kind: 'money',
    });
  });

  it('003 #1: LaTeX-free values, template leftover ≥**% kept in the name', () => {
    const inds = project('003_1dc3a85c290a1481.txt', 1).indicators;
    expect(inds.at(-1)?.level3).toBe('群众满意度(≥**%)');
    expect(inds.map((i) => i.value.raw)).toContain('≥60套');
  });

  it('003 #9: a value that ran into the next cell (≥952024年年底完成) is read as ≥95 with a diagnostic', () => {
    const { text } = read('003_1dc3a85c290a1481.txt');
    const result = parseDocument(text, '003');
    const ind = result.document.projects.find((p) => p.seq === 9)?.indicators.find((i) => i.level2 === '时效指标');
    expect(ind?.value).toMatchObject({ raw: '≥952024年年底完成', op: '≥', number: 95 });
    expect(result.diagnostics.some((d) => d.code === 'VALUE_RUN_ON' && d.project === 9)).toBe(true);
  });

  it('003 #1-2: two projects share a name but not a code', () => {
    const [a, b] = [project('003_1dc3a85c290a1481.txt', 1), project('003_1dc3a85c290a1481.txt', 2)];
    expect(a.name).toBe(b.name);
    expect(a.code).not.toBe(b.code);
  });

  it('004: letters in the middle of codes (…P004T40…)', () => {
    expect(project('004_cd6aa045fd0140d4.txt', 1).code).toBe('13022524P004T4010022X');
  });

  it('002 #3: a name with brackets and a document number, table of contents not taken for tables', () => {
    const p = project('002_ac5e126242d67814.txt', 3);
    expect(p.name).toBe('（上年结转）冀财教2021年175号提前下达2022年支持市县科技创新和科学普及专项资金（第二批）');
    expect(p.objectives).toEqual(['提高我镇科技管理工作能力', '提高我镇科技服务水平', '增强镇域内企业科技创新能力']);
  });
});
