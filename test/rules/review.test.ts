import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import { installRules } from '../../src/rules';
import {
  neutralizeFormula,
  REVIEW_HEADERS,
  type ReviewRow,
  reviewQuery,
  reviewTable,
  toCsv,
  toXlsx,
} from '../../src/rules/review';
import { getSampleDb } from '../util/duckdb';

let db: Db;
beforeAll(async () => {
  db = await getSampleDb();
  await installRules(db);
});

describe('review comments (审核意见)', () => {
  it('have one row per finding of the department, Chinese headers first', async () => {
    const table = reviewTable(await db.query<ReviewRow>(reviewQuery('001_a1f1e70e06024129')));
    const [{ n } = { n: -1 }] = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM findings WHERE doc_id = '001_a1f1e70e06024129'",
    );
    expect(table[0]).toEqual([...REVIEW_HEADERS]);
    expect(table).toHaveLength(n + 1);
    expect(table.slice(1).every((r) => r[0] === '巨鹿县行政审批局')).toBe(true);
    expect(table.some((r) => r[5]?.includes('≥98%') && r[5].includes('破损率'))).toBe(true);
  });

  const FORMULAS: [string, string][] = [
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['+1+1', "'+1+1"],
    ['-5%', '-5%'],
    ['-3', '-3'],
    ['-A1', "'-A1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['≥95%', '≥95%'],
    ['成本≥10万元', '成本≥10万元'],
  ];
  for (const [cell, safe] of FORMULAS)
    it(`neutralizeFormula(${cell})`, () => expect(neutralizeFormula(cell)).toBe(safe));

  it('CSV has a BOM, CRLF rows, quoted cells and no live formula', () => {
    const csv = toCsv([
      ['部门', '问题'],
      ['巨鹿县', '=1+1'],
      ['遵化市', '他说"好"'],
    ]);
    expect(csv).toBe('\ufeff"部门","问题"\r\n"巨鹿县","\'=1+1"\r\n"遵化市","他说""好"""\r\n');
  });

  it('XLSX opens with the same cells (read back with read-excel-file), formulas as text', async () => {
    const table = [
      ['部门', '问题'],
      ['巨鹿县行政审批局', '成本指标写作“≥10 万元”'],
      ['x', '=HYPERLINK("http://evil","点我")'],
    ];
    const blob = await toXlsx(table, '巨鹿县行政审批局');
    const sheets = await readXlsxFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['巨鹿县行政审批局']);
    expect(sheets[0]?.data).toEqual([
      ['部门', '问题'],
      ['巨鹿县行政审批局', '成本指标写作“≥10 万元”'],
      ['x', '\'=HYPERLINK("http://evil","点我")'],
    ]);
  });
});
