import { MONTH_NAMES } from '../parse/schedule';
import type { Project, TargetDocument } from '../parse/types';
import { formatWan, objectivesText, oneLine } from './text';
import type { RenderOptions } from './types';

/** One indicator row with its merged-cell spans (0 on follow-on rows of a merged 一级/二级指标 cell). */
export interface RowModel {
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value: string;
  basis: string;
  /** Rows covered by this row's 一级指标 cell; 0 when merged into the cell above. */
  level1Span: number;
  /** Rows covered by this row's 二级指标 cell; 0 when merged into the cell above. */
  level2Span: number;
}

/** The six indicator cells as printed: 一级/二级指标 blank on rows merged into the cell above. */
export function printedCells(r: RowModel): string[] {
  return [r.level1Span ? r.level1 : '', r.level2Span ? r.level2 : '', r.level3, r.description, r.value, r.basis];
}

/** A 绩效目标表 as printed: every cell as text (blank where nothing is printed). */
export interface TableModel {
  /** "N.<name>绩效目标表". */
  title: string;
  seq: number;
  /** `<unitCode> <unitName>`, or null without a unit code. */
  unitCode: string | null;
  unitName: string;
  code: string;
  name: string;
  total: string;
  fiscal: string;
  other: string;
  purpose: string;
  /** The printed schedule cells in month order; null cells are left out (never printed). */
  schedule: (string | null)[];
  objectives: string[];
  rows: RowModel[];
}

/** 资金支出计划 month headers (the parser's). */
export const MONTH_LABELS = MONTH_NAMES;
/** Indicator header row. */
export const INDICATOR_HEADER = [
  '一级指标',
  '二级指标',
  '三级指标',
  '绩效指标描述',
  '指标值',
  '指标值确定依据',
] as const;
export const SCHEDULE_LABEL = '资金支出计划（%）';
export const UNIT_LABEL = '单位：万元';

/** Builds the printed form of one project's table, with merged 一级/二级指标 cells. */
export function tableModel(p: Project): TableModel {
  const rows: RowModel[] = p.indicators.map((ind) => ({
    level1: oneLine(ind.level1),
    level2: oneLine(ind.level2),
    level3: oneLine(ind.level3),
    description: oneLine(ind.description),
    value: oneLine(ind.value.raw),
    basis: oneLine(ind.basis),
    level1Span: 0,
    level2Span: 0,
  }));
  let g1 = -1;
  let g2 = -1;
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    const g1Row = rows[g1];
    const g2Row = rows[g2];
    if (!prev || !g1Row || prev.level1 !== r.level1) {
      g1 = i;
      g2 = i;
      r.level1Span = 1;
      r.level2Span = 1;
      return;
    }
    g1Row.level1Span++;
    if (!g2Row || prev.level2 !== r.level2) {
      g2 = i;
      r.level2Span = 1;
    } else g2Row.level2Span++;
  });
  return {
    title: `${p.seq}.${oneLine(p.name)}绩效目标表`,
    seq: p.seq,
    unitCode: p.unitCode,
    unitName: oneLine(p.unitName ?? ''),
    code: p.code ?? '',
    name: oneLine(p.name),
    total: formatWan(p.budget.total),
    fiscal: formatWan(p.budget.fiscal),
    other: formatWan(p.budget.other),
    purpose: oneLine(p.purpose),
    schedule: [...p.schedule.raw],
    objectives: p.objectives.map(oneLine),
    rows,
  };
}

/** The unit line `<unitCode> <unitName>`, or null when the table has no unit code. */
export function unitLine(t: TableModel, sep = ' '): string | null {
  return t.unitCode === null ? null : `${t.unitCode}${sep}${t.unitName}`.trim();
}

/** The 绩效目标 cell: "1.… 2.…". */
export function objectivesCell(t: TableModel, sep = ' '): string {
  return objectivesText(t.objectives, sep);
}

/** A block of the text outside the tables. */
export interface Block {
  kind: 'title' | 'part' | 'heading' | 'item' | 'paragraph' | 'toc';
  text: string;
}

/** Title page lines, or [] when it is switched off or department/year are unknown. */
export function titlePage(doc: TargetDocument, opts: RenderOptions): Block[] {
  const show = opts.titlePage ?? true;
  if (!show || doc.department === null || doc.year === null) return [];
  return [
    { kind: 'title', text: doc.department },
    { kind: 'title', text: `${doc.year} 年部门预算绩效文本` },
    { kind: 'title', text: '(草案)' },
  ];
}

/** Table of contents entries ("N.名称绩效目标表" with a page number), when asked for. */
export function tableOfContents(doc: TargetDocument, opts: RenderOptions): Block[] {
  if (!opts.toc) return [];
  const entries: Block[] = [
    { kind: 'title', text: '目 录' },
    { kind: 'toc', text: '第一部分 部门整体绩效目标' },
    { kind: 'toc', text: '一、总体绩效目标.....\t1' },
    { kind: 'toc', text: '二、分项绩效目标.....\t1' },
    { kind: 'toc', text: '三、工作保障措施.....\t2' },
    { kind: 'toc', text: '第二部分 预算项目绩效目标' },
  ];
  doc.projects.forEach((p, i) => {
    entries.push({ kind: 'toc', text: `${p.seq}.${p.name}绩效目标表.....\t${i + 3}` });
  });
  return entries;
}

/** Part 1 (部门整体绩效目标) and the Part 2 heading, as blocks. */
export function partOne(doc: TargetDocument): Block[] {
  const o = doc.overall;
  const blocks: Block[] = [
    { kind: 'part', text: '第一部分' },
    { kind: 'part', text: '部门整体绩效目标' },
    { kind: 'heading', text: '一、总体绩效目标' },
  ];
  if (o.goal) blocks.push({ kind: 'paragraph', text: o.goal });
  blocks.push({ kind: 'heading', text: '二、分项绩效目标' });
  o.subGoals.forEach((g, i) => {
    blocks.push({ kind: 'item', text: `${i + 1}.${g.title}` });
    if (g.goal) blocks.push({ kind: 'paragraph', text: `绩效目标：${g.goal}` });
    if (g.indicators) blocks.push({ kind: 'paragraph', text: `绩效指标：${g.indicators}` });
  });
  blocks.push({ kind: 'heading', text: '三、工作保障措施' });
  o.measures.forEach((m, i) => {
    blocks.push({ kind: 'paragraph', text: `${i + 1}.${m}` });
  });
  blocks.push({ kind: 'part', text: '第二部分' }, { kind: 'part', text: '预算项目绩效目标' });
  return blocks;
}

/** Title page, table of contents and Part 1, in order. */
export function frontMatter(doc: TargetDocument, opts: RenderOptions): Block[] {
  return [...titlePage(doc, opts), ...tableOfContents(doc, opts), ...partOne(doc)];
}
