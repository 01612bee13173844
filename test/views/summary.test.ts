import { describe, expect, it } from 'vitest';
import type { ParseResult, Project, WanYuan } from '../../src/parse';
import { formatWan } from '../../src/views/format';
import { summarize, totalBudgetWan } from '../../src/views/summary';

const wan = (n: number) => n as WanYuan;

function project(seq: number, total: number | null): Project {
  return {
    seq,
    unitCode: null,
    unitName: null,
    code: null,
    name: `项目${seq}`,
    budget: { total: total === null ? null : wan(total), fiscal: null, other: null },
    purpose: '',
    schedule: { kind: 'none', raw: [null, null, null, null], percent: [null, null, null, null] },
    objectives: [],
    indicators: [],
    line: seq,
  };
}

const FORMAT_CASES: { value: number | null; expected: string }[] = [
  { value: null, expected: '—' },
  { value: 0, expected: '0.00' },
  { value: 12.5, expected: '12.50' },
  { value: 1234.567, expected: '1,234.57' },
  { value: 0.1 + 0.2, expected: '0.30' },
  { value: Number.NaN, expected: '—' },
];

describe('formatWan', () => {
  for (const c of FORMAT_CASES) {
    it(`formatWan(${c.value}) is ${c.expected}`, () => expect(formatWan(c.value)).toBe(c.expected));
  }
});

describe('totalBudgetWan', () => {
  it('is null when no project prints a budget', () => {
    expect(totalBudgetWan([])).toBeNull();
    expect(totalBudgetWan([project(1, null)])).toBeNull();
  });
  it('sums the printed totals and skips blanks', () => {
    expect(totalBudgetWan([project(1, 10), project(2, null), project(3, 2.5)])).toBe(12.5);
  });
});

describe('summarize', () => {
  it('counts projects and diagnostics of a parse result', () => {
    const result: ParseResult = {
      document: {
        file: 'a.txt',
        year: 2024,
        yearInferred: true,
        department: '某局',
        region: '巨鹿县',
        regionCode: '130529',
        layout: 'test',
        overall: { goal: '', subGoals: [], measures: [] },
        projects: [project(1, 3), project(2, 4)],
      },
      diagnostics: [
        { severity: 'info', code: 'YEAR_INFERRED', message: '年度由项目编码推断', line: null, project: null },
      ],
    };
    expect(summarize(result)).toEqual({
      file: 'a.txt',
      department: '某局',
      region: '巨鹿县',
      year: 2024,
      yearInferred: true,
      projectCount: 2,
      budgetTotalWan: 7,
      diagnosticCount: 1,
    });
  });
});
