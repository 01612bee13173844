import type { TargetDocument } from '../../parse/types';
import {
  frontMatter,
  INDICATOR_HEADER,
  MONTH_LABELS,
  objectivesCell,
  printedCells,
  SCHEDULE_LABEL,
  type TableModel,
  UNIT_LABEL,
  unitLine,
} from '../model';
import type { RenderOptions } from '../types';

const WIDTH = 7;

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function pipeRow(cells: string[]): string {
  const full = [...cells, ...Array<string>(Math.max(0, WIDTH - cells.length)).fill('')];
  return `| ${full.map(cell).join(' | ')} |`;
}

function tableLines(t: TableModel): string[] {
  const out: string[] = [t.title, ''];
  const unit = unitLine(t);
  if (unit) out.push(unit, '');
  out.push(UNIT_LABEL, '');
  const s = t.schedule;
  out.push(pipeRow([]), `|${' --- |'.repeat(WIDTH)}`);
  out.push(pipeRow(['项目编码', t.code, '', '项目名称', t.name]));
  out.push(pipeRow(['预算规模及资金用途', '预算数', t.total, '其中：财政资金', t.fiscal, '其他资金', t.other]));
  out.push(pipeRow(['', t.purpose]));
  out.push(pipeRow([SCHEDULE_LABEL, ...MONTH_LABELS]));
  out.push(pipeRow(['', s[0] ?? '', s[1] ?? '', s[2] ?? '', s[3] ?? '']));
  out.push(pipeRow(['绩效目标', objectivesCell(t)]));
  out.push(pipeRow([...INDICATOR_HEADER]));
  for (const r of t.rows) out.push(pipeRow(printedCells(r)));
  out.push('');
  return out;
}

/** Markdown: one pipe table per 绩效目标表 (blank header row, merged cells blank), other text as paragraphs. */
export function renderMarkdown(doc: TargetDocument, tables: TableModel[], opts: RenderOptions): string {
  const lines: string[] = [];
  for (const b of frontMatter(doc, opts)) lines.push(b.kind === 'toc' ? b.text.replace(/\t/g, ' ') : b.text, '');
  for (const t of tables) lines.push(...tableLines(t));
  return `${lines.join('\n')}\n`;
}
