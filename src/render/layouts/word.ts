import type { TargetDocument } from '../../parse/types';
import {
  frontMatter,
  INDICATOR_HEADER,
  MONTH_LABELS,
  printedCells,
  SCHEDULE_LABEL,
  type TableModel,
  UNIT_LABEL,
  unitLine,
} from '../model';
import { numberedObjectives } from '../text';
import type { RenderOptions } from '../types';

/** One table row: each cell on its own line behind a tab; later lines of a cell carry no tab. */
function row(cells: string[]): string[] {
  return [...cells.map((c) => `\t${c}`), ''];
}

function bookmark(n: number): string {
  return `[bookmark: _Toc_4_4_${String(n).padStart(10, '0')}]`;
}

function tableLines(t: TableModel, index: number): string[] {
  const out: string[] = [`${bookmark(index + 4)}${t.title}`];
  const unit = unitLine(t, '');
  if (unit !== null) out.push(`\t${unit}`);
  out.push(`\t${UNIT_LABEL}`, '');
  out.push(...row(['项目编码', t.code, '项目名称', t.name]));
  out.push(
    ...row(['预算规模及资金用途', '预算数', t.total, '其中：财政    资金', t.fiscal, '其他资金', t.other || ' ']),
  );
  out.push(...row(['', `${t.purpose}\t`]), '');
  out.push(...row([SCHEDULE_LABEL, ...MONTH_LABELS]));
  out.push(...row(['', ...t.schedule.map((c) => c ?? '')]));
  const [first = '', ...rest] = numberedObjectives(t.objectives);
  out.push('\t绩效目标', `\t${first}`, ...rest, '', '', ' ');
  out.push(...row([...INDICATOR_HEADER]));
  for (const r of t.rows) out.push(...row(printedCells(r)));
  out.push('', '', ' ');
  return out;
}

/** Word extraction: one cell per line behind a tab, a blank line between rows (data/002, data/004). */
export function renderWord(doc: TargetDocument, tables: TableModel[], opts: RenderOptions): string {
  const lines: string[] = [];
  for (const b of frontMatter(doc, opts)) {
    if (b.kind === 'part') lines.push(b.text, ' ');
    else lines.push(b.text);
  }
  tables.forEach((t, i) => {
    lines.push(...tableLines(t, i));
  });
  return `${lines.join('\n')}\n`;
}
