import type { TargetDocument } from '../../parse/types';
import {
  frontMatter,
  INDICATOR_HEADER,
  MONTH_LABELS,
  objectivesCell,
  printedCells,
  type RowModel,
  SCHEDULE_LABEL,
  type TableModel,
  UNIT_LABEL,
  unitLine,
} from '../model';
import { createRandom, type Random } from '../random';
import { center, displayWidth, padEnd, wrapText } from '../text';
import type { RenderOptions } from '../types';

/** A piece of text placed at a display column. */
interface Placed {
  at: number;
  text: string;
}

/** Builds one line from pieces at display columns, keeping at least two spaces between pieces. */
function placeLine(pieces: Placed[]): string {
  let line = '';
  for (const p of [...pieces].sort((a, b) => a.at - b.at)) {
    if (!p.text) continue;
    const w = displayWidth(line);
    const at = line === '' ? p.at : Math.max(p.at, w + 2);
    line = padEnd(line, at) + p.text;
  }
  return line.trimEnd();
}

/** Lays out cells side by side, each wrapped within its column and top-aligned. */
function gridLines(cells: { at: number; width: number; text: string }[]): string[] {
  const wrapped = cells.map((c) => ({ at: c.at, lines: c.text ? wrapText(c.text, c.width) : [] }));
  const height = Math.max(1, ...wrapped.map((c) => c.lines.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) out.push(placeLine(wrapped.map((c) => ({ at: c.at, text: c.lines[k] ?? '' }))));
  return out;
}

interface Columns {
  /** Display widths of the six indicator columns. */
  widths: number[];
  starts: number[];
  /** Page width, for centring and the wide header cells. */
  page: number;
  /** Width of the header area's label column (项目编码, 预算规模及资金用途 …). */
  label: number;
  pageLength: number;
}

const SAMPLE_WIDTHS = [10, 10, 14, 26, 12, 16];

function columns(rnd: Random | null): Columns {
  const minimum = INDICATOR_HEADER.map((h) => displayWidth(h));
  const widths = rnd
    ? [rnd.pick([8, 10, 12]), rnd.pick([10, 12]), rnd.int(10, 18), rnd.int(18, 32), rnd.int(10, 16), rnd.int(14, 24)]
    : SAMPLE_WIDTHS;
  const w = widths.map((x, i) => Math.max(x, minimum[i] ?? 0));
  const gap = rnd ? rnd.int(2, 4) : 2;
  const starts: number[] = [];
  let at = 0;
  for (const x of w) {
    starts.push(at);
    at += x + gap;
  }
  return { widths: w, starts, page: Math.max(at, 96), label: 20, pageLength: rnd ? rnd.int(35, 70) : 56 };
}

function indicatorLines(r: RowModel, c: Columns): string[] {
  return gridLines(printedCells(r).map((text, i) => ({ at: c.starts[i] ?? 0, width: c.widths[i] ?? 10, text })));
}

/** Running page state: page number and lines used on the current page (pages flow across tables). */
interface Page {
  n: number;
  used: number;
}

function tableLines(t: TableModel, c: Columns, page: Page): string[] {
  const L = c.label;
  const wide = c.page - L;
  const unit = unitLine(t) ?? '';
  const out: string[] = [
    center(t.title, c.page),
    '',
    placeLine([
      { at: 0, text: unit },
      { at: c.page - displayWidth(UNIT_LABEL), text: UNIT_LABEL },
    ]),
  ];
  const nameAt = L + Math.max(displayWidth(t.code), 22) + 2;
  out.push(
    ...gridLines([
      { at: 0, width: L - 2, text: '项目编码' },
      { at: L, width: 40, text: t.code },
      { at: nameAt, width: 8, text: '项目名称' },
      { at: nameAt + 10, width: Math.max(20, c.page - nameAt - 10), text: t.name },
    ]),
  );
  out.push(
    placeLine([
      { at: 0, text: '预算规模及资金用途' },
      { at: L, text: '预算数' },
      { at: L + 8, text: t.total },
      { at: L + 20, text: '其中：财政资金' },
      { at: L + 36, text: t.fiscal },
      { at: L + 48, text: '其他资金' },
      { at: L + 58, text: t.other },
    ]),
  );
  if (t.purpose) out.push(...gridLines([{ at: L, width: wide, text: t.purpose }]));
  const step = 12;
  out.push(
    placeLine([{ at: 0, text: SCHEDULE_LABEL }, ...MONTH_LABELS.map((m, k) => ({ at: L + k * step, text: m }))]),
  );
  out.push(placeLine(t.schedule.map((v, k) => ({ at: L + k * step, text: v ?? '' }))));
  out.push(
    ...gridLines([
      { at: 0, width: L - 2, text: '绩效目标' },
      { at: L, width: wide, text: objectivesCell(t) },
    ]),
  );
  const header = placeLine(INDICATOR_HEADER.map((h, i) => ({ at: c.starts[i] ?? 0, text: h })));
  out.push(header);
  page.used += out.length;
  for (const r of t.rows) {
    for (const line of indicatorLines(r, c)) {
      if (page.used >= c.pageLength) {
        page.n++;
        out.push('', center(`- ${page.n} -`, c.page), '', header);
        page.used = 1;
      }
      out.push(line);
      page.used++;
    }
  }
  page.used += 2;
  out.push('');
  return out;
}

function frontLines(doc: TargetDocument, opts: RenderOptions, c: Columns): string[] {
  const out: string[] = [];
  for (const b of frontMatter(doc, opts)) {
    switch (b.kind) {
      case 'title':
        out.push(center(b.text, c.page), '');
        break;
      case 'toc': {
        const [entry = '', pageNo = ''] = b.text.split('\t');
        out.push(
          placeLine([
            { at: 4, text: entry },
            { at: c.page - 4, text: pageNo },
          ]),
        );
        break;
      }
      case 'part':
        out.push(center(b.text, c.page), '');
        break;
      case 'heading':
      case 'item':
        out.push(`    ${b.text}`);
        break;
      default: {
        const lines = wrapText(b.text, c.page - 4, c.page - 8);
        out.push(...lines.map((l, i) => (i === 0 ? `    ${l}` : l)));
      }
    }
  }
  out.push('');
  return out;
}

/**
 * Column-aligned text in the manner of `pdftotext -layout`: cells padded with spaces to their
 * column (a Chinese character is two columns), long cells wrapped within their column and
 * top-aligned, at least two spaces between columns, the indicator header repeated after page breaks.
 */
export function renderAligned(doc: TargetDocument, tables: TableModel[], opts: RenderOptions): string {
  const rnd = opts.seed === undefined ? null : createRandom(opts.seed);
  const c = columns(rnd);
  const lines = frontLines(doc, opts, c);
  const page: Page = { n: 1, used: 0 };
  for (const t of tables) {
    lines.push('', ...tableLines(t, c, page));
  }
  return `${lines.join('\n')}\n`;
}
