/**
 * Every export a spreadsheet opens — review comments (CSV, XLSX), a console result (CSV), the import
 * report (CSV) — fed cells a spreadsheet would run as formulas (OWASP "CSV injection": = + - @ tab CR
 * at the start). Each file is read back with SheetJS, which marks a formula with `cell.f`: no cell may
 * have one, and each cell keeps its text behind the neutralising apostrophe.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { parseDocument } from '../../src/parse';
import { neutralizeFormula, type ReviewRow, reviewTable, toCsv, toXlsx } from '../../src/rules/review';
import { fileReport } from '../../src/store/import-report';
import { resultCsv } from '../../src/views/console/result-csv';
import { reportTable } from '../../src/views/import/report';

/** Cells a spreadsheet would run: a formula, arithmetic, a function, and a formula behind a tab or CR. */
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
/** Signed numbers are no formulas and stay numbers (not text behind an apostrophe). */
const NUMBERS = ['-5', '-5%', '+2.5', '-1,234.5', '-1.5e-7'];

type Sheet = Record<string, XLSX.CellObject>;

/** The cells of the first sheet of a CSV or XLSX file, as SheetJS reads them (formulas kept in `f`). */
function cells(file: string | Uint8Array): XLSX.CellObject[] {
  const data = typeof file === 'string' ? Buffer.from(file, 'utf8') : file;
  const wb = XLSX.read(data, { type: 'buffer', cellFormula: true });
  const sheet = wb.Sheets[wb.SheetNames[0] as string] as Sheet;
  return Object.entries(sheet)
    .filter(([ref]) => !ref.startsWith('!'))
    .map(([, cell]) => cell);
}

/** Asserts that no cell is a formula and that every hostile text is there, after the apostrophe. */
function expectNeutralised(file: string | Uint8Array): void {
  const read = cells(file);
  expect(read.filter((c) => c.f !== undefined)).toEqual([]);
  const texts = read.map((c) => String(c.v));
  for (const f of FORMULAS) expect(texts).toContain(`'${f}`);
}

const hostileReviewRow = (cell: string): ReviewRow => ({
  department: cell,
  seq: 1,
  project_name: cell,
  level3: cell,
  value_raw: cell,
  message: cell,
  suggestion: cell,
  title_zh: cell,
  severity: 'high',
  budget_wan: -5,
});

describe('neutralizeFormula(cell)', () => {
  for (const f of FORMULAS)
    it(`neutralizeFormula(${JSON.stringify(f)}) puts an apostrophe in front`, () =>
      expect(neutralizeFormula(f)).toBe(`'${f}`));
  for (const n of NUMBERS)
    it(`neutralizeFormula(${n}) leaves a signed number as it is`, () => expect(neutralizeFormula(n)).toBe(n));
});

describe('exports read back by a spreadsheet reader (SheetJS) hold no formula', () => {
  it('the check can fail: a CSV written without neutralising is read with a formula', () => {
    const raw = `${FORMULAS.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')}\r\n`;
    expect(cells(raw).some((c) => c.f !== undefined)).toBe(true);
    expect(() => expectNeutralised(raw)).toThrow();
  });

  it('the check can fail: an XLSX with a formula cell is read with the formula', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, { A1: { t: 'n', v: 2, f: '1+1' }, '!ref': 'A1' }, 'x');
    const xlsx = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    expect(cells(xlsx)[0]?.f).toBe('1+1');
  });

  it('review comments as CSV: every hostile cell neutralised, numbers stay numbers', () => {
    const csv = toCsv(reviewTable(FORMULAS.map(hostileReviewRow)));
    expectNeutralised(csv);
    const budgets = cells(csv).filter((c) => c.t === 'n' && c.v === -5);
    expect(budgets).toHaveLength(FORMULAS.length);
  });

  it('review comments as XLSX: every cell a string, none a formula, the text behind the apostrophe', async () => {
    const blob = await toXlsx(reviewTable(FORMULAS.map(hostileReviewRow)), FORMULAS[0]);
    const xlsx = new Uint8Array(await blob.arrayBuffer());
    expectNeutralised(xlsx);
    expect(cells(xlsx).every((c) => c.t === 's')).toBe(true);
  });

  it('a console result as CSV: hostile column names and values neutralised, signed numbers kept', () => {
    const columns = ['name', ...FORMULAS.slice(0, 2), 'n'];
    const rows = [...FORMULAS, ...NUMBERS].map((v, i) => ({
      name: v,
      [FORMULAS[0] as string]: v,
      [FORMULAS[1] as string]: null,
      n: -i - 0.5,
    }));
    const csv = resultCsv(columns, rows);
    expectNeutralised(csv);
    const read = cells(csv);
    expect(read.filter((c) => c.t === 'n').map((c) => c.v)).toEqual(
      expect.arrayContaining([-5, -0.05, 2.5, -1234.5, -1.5e-7, -0.5, -10.5]),
    );
  });

  it('the import report as CSV: hostile file names, notes and parsed text neutralised', () => {
    const text = readFileSync(join(import.meta.dirname, '../../data/004_cd6aa045fd0140d4.txt'), 'utf8').replaceAll(
      '乐亭县机关事务中心',
      '乐亭县=HYPERLINK("http://x","y")',
    );
    const files = FORMULAS.map((f) =>
      fileReport(
        { ok: true, name: f, kind: 'text', size: 1, result: parseDocument(text, f), notes: [f], ms: 1 },
        false,
      ),
    );
    const failed = fileReport(
      { ok: false, name: '@x.pdf', kind: 'pdf', size: 1, code: 'corrupt', detail: '=1+1' },
      false,
    );
    const csv = toCsv(
      reportTable(
        { at: '2026-01-01T00:00:00Z', seconds: 1, files: [...files, failed], skipped: ['-x.rtf'] },
        messages('zh'),
      ),
    );
    expectNeutralised(csv);
    const texts = cells(csv).map((c) => String(c.v));
    expect(texts).toContain("'@x.pdf");
    expect(texts).toContain("'-x.rtf");
  });
});
