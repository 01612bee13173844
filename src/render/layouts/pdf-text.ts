import type { TargetDocument } from '../../parse/types';
import {
  frontMatter,
  INDICATOR_HEADER,
  MONTH_LABELS,
  objectivesCell,
  type RowModel,
  type TableModel,
  UNIT_LABEL,
} from '../model';
import { createRandom, type Random } from '../random';
import { spaceDigits, wrapText } from '../text';
import type { RenderOptions, RowSplit } from '../types';

/** Column widths in display columns (a Chinese character is 2), as in data/001: 5, 5, 13, 6 and 7 characters. */
interface Widths {
  level2: number;
  level3: number;
  description: number;
  value: number;
  basis: number;
  /** Part 1 paragraphs and the wide header cells (purpose, objectives). */
  text: number;
}

const SAMPLE_WIDTHS: Widths = { level2: 10, level3: 10, description: 26, value: 12, basis: 14, text: 66 };
/** Lines per page without a seed. */
const SAMPLE_PAGE = 90;

function randomWidths(rnd: Random): Widths {
  return {
    level2: rnd.pick([10, 10, 12]),
    level3: rnd.int(8, 14),
    description: rnd.int(20, 30),
    value: rnd.int(10, 14),
    basis: rnd.int(12, 18),
    text: rnd.int(56, 72),
  };
}

interface Context {
  rnd: Random;
  widths: Widths;
  pageLength: number;
  rowSplit: RowSplit;
  digits: (s: string) => string;
}

/** The wrapped pieces of one indicator row: 二级指标 (empty when merged), 三级, 描述, 值, 依据. */
interface RowPieces {
  level2: string[];
  rest: string[][];
}

function rowPieces(r: RowModel, ctx: Context): RowPieces {
  const w = ctx.widths;
  const wrap = (s: string, width: number) => (s ? wrapText(ctx.digits(s), width) : []);
  return {
    level2: r.level2Span ? wrap(r.level2, w.level2) : [],
    rest: [
      wrap(r.level3, w.level3),
      wrap(r.description, w.description),
      wrap(r.value, w.value),
      wrap(r.basis, w.basis),
    ],
  };
}

/**
 * Cell-by-cell reading order of data/001: the 二级指标 lines (then a blank line when the label was
 * broken), then each multi-line cell as a block followed by a blank line; consecutive single-line
 * cells share one line, separated by spaces ("电话及网络故障率 ≤10%").
 */
function rowBlocks(p: RowPieces): string[] {
  const out: string[] = [...p.level2];
  if (p.level2.length > 1) out.push('');
  let merged: string[] = [];
  const flush = () => {
    if (merged.length) out.push(merged.join(' '), '');
    merged = [];
  };
  for (const cell of p.rest) {
    if (cell.length === 0) continue;
    if (cell.length === 1) merged.push(cell[0] as string);
    else {
      flush();
      out.push(...cell, '');
    }
  }
  flush();
  return out;
}

/** Visual lines of a row, left to right: line k holds the k-th piece of every cell that has one. */
function visualLines(p: RowPieces): string[] {
  const cells = [p.level2, ...p.rest];
  const height = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let k = 0; k < height; k++) {
    const parts = cells.map((c) => c[k]).filter((s): s is string => s !== undefined);
    if (parts.length) out.push(parts.join(' '));
  }
  return out;
}

function canSplit(p: RowPieces, mode: RowSplit): boolean {
  if (mode === 'never') return false;
  const height = Math.max(p.level2.length, ...p.rest.map((c) => c.length));
  if (height < 2) return false;
  if (mode === 'any') return true;
  const [, desc = [], value = [], basis = []] = p.rest;
  return p.level2.length === 2 && desc.length <= 1 && value.length <= 1 && basis.length <= 1;
}

const HEADER_LINE = ` ${INDICATOR_HEADER.join(' ')}`;

/** A floating 一级指标 label: printed before row `at`, right after the previous line or after a blank line. */
interface Placement {
  label: string;
  attached: boolean;
  blankAfter: boolean;
}

/**
 * Where each 一级指标 label floats: vertically centred in its merged cell, so before a row in the
 * second half of its group (a row that prints its 二级指标, as pdftotext emits it).
 */
function level1Placements(rows: RowModel[], ctx: Context, seeded: boolean): Map<number, Placement> {
  const out = new Map<number, Placement>();
  rows.forEach((r, i) => {
    if (!r.level1Span) return;
    const starts: number[] = [];
    for (let k = i; k < i + r.level1Span; k++) if (rows[k]?.level2Span) starts.push(k);
    const choices = starts.filter((k) => k - i >= Math.floor(r.level1Span / 2));
    const at = seeded ? ctx.rnd.pick(choices.length ? choices : [i]) : (choices[choices.length - 1] ?? i);
    const attached = at > 0 && (seeded ? ctx.rnd.chance(0.5) : false);
    const blankAfter = attached || (seeded ? ctx.rnd.chance(0.5) : at > i);
    out.set(at, { label: r.level1, attached, blankAfter });
  });
  return out;
}

function tableLines(t: TableModel, ctx: Context, seeded: boolean): string[] {
  const d = ctx.digits;
  const w = ctx.widths;
  const out: string[] = [` ${d(t.title)}`, ''];
  out.push(t.unitCode === null ? UNIT_LABEL : `${t.unitCode} ${t.unitName} ${UNIT_LABEL}`, '');
  out.push('项目编码');
  if (t.code.length > 1) out.push(t.code.slice(0, -1), t.code.slice(-1));
  else if (t.code) out.push(t.code);
  out.push('');
  const [name0 = '', ...nameRest] = wrapText(d(t.name), w.text - 10);
  out.push(`项目名称 ${name0}`.trimEnd(), ...nameRest, '');
  out.push(`预算数 ${t.total}`.trimEnd(), '其中：财政    ', '', '资金');
  out.push(`${t.fiscal} 其他资金 ${t.other}  预算规模及`.trim(), '', '资金用途');
  if (t.purpose) out.push(...wrapText(d(t.purpose), w.text));
  out.push('');
  out.push(`${MONTH_LABELS.map(d).join(' ')}资金支出计`);
  out.push(`划（%） ${t.schedule.filter((c): c is string => c !== null).join(' ')}  `, '');
  const objectives = wrapText(d(objectivesCell(t)), w.text - 10);
  out.push(`绩效目标 ${objectives[0] ?? ''}  `, ...objectives.slice(1));
  out.push(INDICATOR_HEADER.join(' '), '');

  const labels = level1Placements(t.rows, ctx, seeded);
  let used = out.length;
  t.rows.forEach((r, i) => {
    const label = labels.get(i);
    const pushLabel = () => {
      if (!label) return;
      if (label.attached && out[out.length - 1] === '') out.pop();
      out.push(label.label);
      if (label.blankAfter) out.push('');
    };
    const pieces = rowPieces(r, ctx);
    const block = rowBlocks(pieces);
    if (used + block.length > ctx.pageLength && i > 0) {
      if (canSplit(pieces, ctx.rowSplit)) {
        const [first = '', ...restLines] = visualLines(pieces);
        pushLabel();
        out.push(first, HEADER_LINE, '', ...restLines, '');
        used = restLines.length + 2;
        return;
      }
      if (out[out.length - 1] === '') out.pop();
      out.push(HEADER_LINE, '');
      used = 2;
    }
    pushLabel();
    out.push(...block);
    used += block.length + (label ? 2 : 0);
  });
  return out;
}

function frontLines(doc: TargetDocument, opts: RenderOptions, ctx: Context): string[] {
  const out: string[] = [];
  for (const b of frontMatter(doc, opts)) {
    switch (b.kind) {
      case 'title':
        out.push(b.text, '');
        break;
      case 'toc':
        out.push(b.text.replace('\t', ''), '');
        break;
      case 'part':
        out.push(` ${b.text}`, '');
        break;
      case 'heading':
      case 'item':
        out.push(ctx.digits(b.text), '');
        break;
      default:
        for (const l of wrapText(ctx.digits(b.text), ctx.widths.text)) out.push(l, '');
    }
  }
  return out;
}

/**
 * PDF text extraction, in the manner of data/001: one cell per line, long cells wrapped into
 * narrow pieces, blank lines between cells, short cells sharing a line, the project code's last
 * character on its own line, 一级指标 labels floating inside their group, and the indicator header
 * repeated after each page break (splitting a row where the sample does).
 */
export function renderPdfText(doc: TargetDocument, tables: TableModel[], opts: RenderOptions): string {
  const seeded = opts.seed !== undefined;
  const rnd = createRandom(opts.seed ?? 1);
  const ctx: Context = {
    rnd,
    widths: seeded ? randomWidths(rnd) : SAMPLE_WIDTHS,
    pageLength: seeded ? rnd.int(50, 110) : SAMPLE_PAGE,
    rowSplit: opts.rowSplit ?? 'sample',
    digits: opts.digitSpaces === false ? (s) => s : spaceDigits,
  };
  const lines = frontLines(doc, opts, ctx);
  tables.forEach((t, i) => {
    lines.push(...tableLines(t, ctx, seeded));
    if (i < tables.length - 1 && (seeded ? rnd.chance(0.3) : false)) lines.push('', String(i + 3), '', ' ');
  });
  return `${lines.join('\n')}\n`;
}
