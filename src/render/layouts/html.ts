import type { TargetDocument } from '../../parse/types';
import {
  type Block,
  frontMatter,
  INDICATOR_HEADER,
  MONTH_LABELS,
  objectivesCell,
  SCHEDULE_LABEL,
  type TableModel,
  UNIT_LABEL,
  unitLine,
} from '../model';
import type { RenderOptions } from '../types';

/** Escapes text for HTML element content. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function td(text: string, attrs: { rowspan?: number; colspan?: number; th?: boolean } = {}): string {
  const tag = attrs.th ? 'th' : 'td';
  const span = `${attrs.rowspan && attrs.rowspan > 1 ? ` rowspan="${attrs.rowspan}"` : ''}${attrs.colspan && attrs.colspan > 1 ? ` colspan="${attrs.colspan}"` : ''}`;
  return `<${tag}${span}>${escapeHtml(text)}</${tag}>`;
}

function tr(cells: string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

function blockHtml(b: Block, index: number, blocks: Block[]): string | null {
  switch (b.kind) {
    case 'title':
      return index === 0 ? `<h1>${escapeHtml(b.text)}</h1>` : `<p>${escapeHtml(b.text)}</p>`;
    case 'part': {
      const next = blocks[index + 1];
      if (/^第[一二]部分$/.test(b.text) && next?.kind === 'part')
        return `<h2>${escapeHtml(`${b.text} ${next.text}`)}</h2>`;
      return /^第[一二]部分/.test(blocks[index - 1]?.text ?? '') ? null : `<h2>${escapeHtml(b.text)}</h2>`;
    }
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'item':
      return `<h4>${escapeHtml(b.text)}</h4>`;
    case 'toc':
      return `<p>${escapeHtml(b.text.replace(/\t/g, ' '))}</p>`;
    default:
      return `<p>${escapeHtml(b.text)}</p>`;
  }
}

function tableHtml(t: TableModel): string[] {
  const out: string[] = [`<h3>${escapeHtml(t.title)}</h3>`];
  const unit = unitLine(t);
  if (unit) out.push(`<p>${escapeHtml(unit)}</p>`);
  out.push(`<p>${UNIT_LABEL}</p>`, '<table border="1">');
  const s = t.schedule;
  out.push(tr([td('项目编码'), td(t.code, { colspan: 2 }), td('项目名称'), td(t.name, { colspan: 3 })]));
  out.push(
    tr([
      td('预算规模及资金用途', { rowspan: 2 }),
      td('预算数'),
      td(t.total),
      td('其中：财政资金'),
      td(t.fiscal),
      td('其他资金'),
      td(t.other),
    ]),
  );
  out.push(tr([td(t.purpose, { colspan: 6 })]));
  out.push(
    tr([
      td(SCHEDULE_LABEL, { rowspan: 2 }),
      td(MONTH_LABELS[0]),
      td(MONTH_LABELS[1]),
      td(MONTH_LABELS[2]),
      td(MONTH_LABELS[3], { colspan: 3 }),
    ]),
  );
  out.push(tr([td(s[0] ?? ''), td(s[1] ?? ''), td(s[2] ?? ''), td(s[3] ?? '', { colspan: 3 })]));
  out.push(tr([td('绩效目标'), td(objectivesCell(t), { colspan: 6 })]));
  out.push(tr(INDICATOR_HEADER.map((h, i) => td(h, { th: true, colspan: i === 3 ? 2 : 1 }))));
  for (const r of t.rows) {
    const cells: string[] = [];
    if (r.level1Span) cells.push(td(r.level1, { rowspan: r.level1Span }));
    if (r.level2Span) cells.push(td(r.level2, { rowspan: r.level2Span }));
    cells.push(td(r.level3), td(r.description, { colspan: 2 }), td(r.value), td(r.basis));
    out.push(tr(cells));
  }
  out.push('</table>');
  return out;
}

/** HTML: one `<table>` per 绩效目标表 with rowspan for merged 一级/二级指标 cells; Part 1 as headings and paragraphs. */
export function renderHtml(doc: TargetDocument, tables: TableModel[], opts: RenderOptions): string {
  const title = doc.department && doc.year !== null ? `${doc.department} ${doc.year} 年部门预算绩效文本` : doc.file;
  const out = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    '<body>',
  ];
  const blocks = frontMatter(doc, opts);
  blocks.forEach((b, i) => {
    const html = blockHtml(b, i, blocks);
    if (html !== null) out.push(html);
  });
  for (const t of tables) out.push(...tableHtml(t));
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
