import writeExcelFile from 'write-excel-file/universal';
import { literal } from '../db/sql';
import { severityRank } from './names';

/** Review comments (审核意见): one row per finding, with Chinese headers, ready to send back to a department. */
export const REVIEW_HEADERS = [
  '部门',
  '项目序号',
  '项目名称',
  '指标',
  '指标值',
  '问题',
  '修改建议',
  '规则',
  '严重程度',
  '预算数（万元）',
] as const;

const SEVERITY_ZH = { high: '严重', warning: '一般', info: '提示' } as const;

/** Row of the review-comment query. */
export interface ReviewRow extends Record<string, unknown> {
  department: string | null;
  seq: number | null;
  project_name: string | null;
  level3: string | null;
  value_raw: string | null;
  message: string;
  suggestion: string;
  title_zh: string;
  severity: 'high' | 'warning' | 'info';
  budget_wan: number | null;
}

/** The columns of {@link ReviewRow}, in the order of {@link REVIEW_HEADERS}. */
export const REVIEW_COLUMNS = [
  'department',
  'seq',
  'project_name',
  'level3',
  'value_raw',
  'message',
  'suggestion',
  'title_zh',
  'severity',
  'budget_wan',
] as const satisfies readonly (keyof ReviewRow)[];

/** The findings of one department (or all when `docId` is null), most serious first, in table order. */
export function reviewQuery(docId: string | null = null): string {
  return `SELECT ${REVIEW_COLUMNS.join(', ')}
FROM findings ${docId === null ? '' : `WHERE doc_id = ${literal(docId)}`}
ORDER BY department, seq NULLS FIRST, row_no NULLS FIRST, ${severityRank()}, rule_id`;
}

/** Review rows as text cells, header first. */
export function reviewTable(rows: readonly ReviewRow[]): string[][] {
  return [
    [...REVIEW_HEADERS],
    ...rows.map((r) => [
      r.department ?? '',
      r.seq === null ? '（部门整体）' : String(r.seq),
      r.project_name ?? '',
      r.level3 ?? '',
      r.value_raw ?? '',
      r.message,
      r.suggestion,
      r.title_zh,
      SEVERITY_ZH[r.severity],
      r.budget_wan === null ? '' : r.budget_wan.toFixed(2),
    ]),
  ];
}

/** A signed plain number: "-3", "+2.5", "-5%", "-1,234.5", "-1.5e-7" (how a console result writes a double). */
const SIGNED_NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?([eE][+-]?\d+)?%?$/;

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start, after OWASP
 * "CSV injection") gets a leading apostrophe, so opening the export never executes anything. A signed
 * plain number ("-3", "-5%") is no formula and stays as it is, so it still reads as a number.
 * XLSX cells get the same prefix although they are written as strings (never formulas): the text
 * stays safe if the sheet is saved as CSV again.
 */
export function neutralizeFormula(cell: string): string {
  if (SIGNED_NUMBER.test(cell)) return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** CSV for Excel: UTF-8 with BOM (or Chinese shows garbled), CRLF, every cell quoted and neutralised. */
export function toCsv(table: readonly (readonly string[])[]): string {
  const quote = (c: string) => `"${neutralizeFormula(c).replace(/"/g, '""')}"`;
  return `\ufeff${table.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** XLSX with one sheet; every cell is a string, so nothing is read as a formula. Works in the browser and Node. */
export async function toXlsx(table: readonly (readonly string[])[], sheet = '审核意见'): Promise<Blob> {
  const data = table.map((row, i) =>
    row.map((value) => ({
      value: neutralizeFormula(value),
      type: String,
      fontWeight: i === 0 ? ('bold' as const) : undefined,
    })),
  );
  return writeExcelFile(data, {
    sheet: sheetName(sheet),
    columns: [12, 8, 28, 22, 14, 50, 40, 22, 8, 12].map((width) => ({ width })),
  }).toBlob();
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || '审核意见';
}
