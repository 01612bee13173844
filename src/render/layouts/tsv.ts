import type { TargetDocument } from '../../parse/types';
import {
  type Block,
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

function blockLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) out.push(b.text, '');
  return out;
}

function tableLines(t: TableModel): string[] {
  const out: string[] = [`${t.seq}. ${t.name}绩效目标表`, ''];
  const unit = unitLine(t);
  if (unit) out.push(unit, '');
  out.push(UNIT_LABEL, '');
  const s = t.schedule;
  const rows: string[][] = [
    ['项目编码', t.code, '', '项目名称', t.name, '', ''],
    ['预算规模及资金用途', '预算数', t.total, '其中：财政资金', t.fiscal, '其他资金', t.other],
    ['', t.purpose, '', '', '', '', ''],
    [SCHEDULE_LABEL, MONTH_LABELS[0], '', MONTH_LABELS[1], '', MONTH_LABELS[2], MONTH_LABELS[3]],
    ['', s[0] ?? '', '', s[1] ?? '', '', s[2] ?? '', s[3] ?? ''],
    ['绩效目标', objectivesCell(t), '', '', '', '', ''],
    [...INDICATOR_HEADER, ''],
  ];
  for (const r of t.rows) rows.push([...printedCells(r), '']);
  for (const r of rows) out.push(r.join('\t'));
  out.push('');
  return out;
}

/** Tab-separated rows, as PDF table extraction writes them (data/000, data/003). */
export function renderTsv(doc: TargetDocument, tables: TableModel[], opts: RenderOptions): string {
  const lines = ['', '', ...blockLines(frontMatter(doc, opts))];
  for (const t of tables) lines.push(...tableLines(t));
  return `${lines.join('\n')}\n`;
}
