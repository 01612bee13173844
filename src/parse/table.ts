import { alignedTableRows, cellPieces, LabelSet } from './aligned-cells';
import type { DiagnosticSink } from './diagnostics';
import {
  isHeaderRow,
  isIndicatorHeader,
  type RawIndicator,
  readAlignedIndicators,
  readGridIndicators,
  readStreamIndicators,
} from './indicator-rows';
import { readValue } from './indicator-value';
import { displayWidth, type Row, type RowReader } from './layouts';
import { round2 } from './money';
import { cleanText, hasWhitespace, labelKey } from './normalize';
import { splitObjectives } from './objectives';
import { isProjectCode } from './project-code';
import { buildSchedule } from './schedule';
import { HEADER_LABELS, readHeaderFields, SEP } from './table-header';
import { canonicalLevel1, canonicalLevel2, level1Agrees, level2Parent } from './taxonomy';
import type { Indicator, Project } from './types';

const TITLE_RE = /^\s*(\d{1,3})\s*[.、．]\s*(.*?)\s*绩效目标表\s*$/;
/** A cell starting a unit line: the 6-digit unit code and something after it (cells are cleaned, so trimmed). */
const UNIT_START = /^\d{6}\s*\S/;
/** A unit line cell: `<unitCode> <unitName>`, possibly followed by 单位：万元. */
const UNIT_RE = /^\s*(\d{6})\s*(.*?)\s*(单位\s*[:：]\s*万元)?\s*$/;

const HEADER_LABEL_SET = new LabelSet(HEADER_LABELS);
/** True when a cell holds 码 or 编, a character of 项目编码 that a row holding the label (or its start "项目编") must have. */
function holdsCodeLabelChar(cells: string[]): boolean {
  for (const c of cells) if (c.includes('码') || c.includes('编')) return true;
  return false;
}

/** The display column where an aligned table ends: the right edge of its widest line. */
function tableRight(rows: Row[], from: number, to: number): number {
  let right = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i] as Row;
    r.cells.forEach((c, k) => {
      right = Math.max(right, (r.cols?.[k] ?? 0) + displayWidth(c));
    });
  }
  return right;
}

function rowText(row: Row): string {
  return cleanText(row.cells.join(' '));
}

/** Where each table starts: its title (or unit line, or 项目编码 row) and its 项目编码 row. */
interface TableSpan {
  start: number;
  codeRow: number;
  title: number | null;
  unit: number | null;
}

/** True when an aligned row holds 项目编码 wrapped in a narrow column ("项目编" / "码"): its rest is in the next row, under it. */
function wrappedCodeLabel(r: Row, next: Row | undefined): boolean {
  return r.cells.some((c, k) => {
    const head = labelKey(c);
    if (head.length < 2 || head.length > 3 || !'项目编码'.startsWith(head)) return false;
    const at = r.cols?.[k] ?? 0;
    return (next?.cells ?? []).some(
      (d, j) => Math.abs((next?.cols?.[j] ?? -9) - at) <= 1 && head + labelKey(d) === '项目编码',
    );
  });
}

function findTables(rows: Row[], reader: RowReader): TableSpan[] {
  const codeRows: number[] = [];
  // Every row of the document is looked at: a plain loop, without a closure per row.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Row;
    // Cells are joined only when one holds a character of the label (most rows hold none).
    if (!holdsCodeLabelChar(r.cells)) continue;
    const joined = r.cells.join('');
    if (joined.includes('码') && labelKey(joined).includes('项目编码')) codeRows.push(i);
    else if (reader === 'aligned' && joined.includes('项目编') && wrappedCodeLabel(r, rows[i + 1])) codeRows.push(i);
  }
  const spans: TableSpan[] = [];
  codeRows.forEach((ci, k) => {
    const floor = k > 0 ? (codeRows[k - 1] as number) + 1 : 0;
    let title: number | null = null;
    let unit: number | null = null;
    let seen = 0;
    for (let j = ci - 1; j >= floor && seen < 8; j--) {
      const r = rows[j] as Row;
      if (r.cells.length === 0) continue;
      seen++;
      // Cleaning adds no Chinese characters nor digits: rows without those the tests look for are not cleaned.
      const joined = r.cells.join(' ');
      const t = joined.includes('表') || (joined.includes('指') && joined.includes('级')) ? cleanText(joined) : '';
      if (isIndicatorHeader(t)) break;
      // The unit line can share its row with the title or 单位：万元.
      if (unit === null && r.cells.some((c) => /\d/.test(c) && UNIT_START.test(cleanText(c)))) unit = j;
      if (/绩效目标表\s*$/.test(t)) {
        title = j;
        break;
      }
    }
    spans.push({ start: Math.min(title ?? ci, unit ?? ci, ci), codeRow: ci, title, unit });
  });
  return spans;
}

function readUnit(rows: Row[], span: TableSpan): { code: string | null; name: string | null } {
  if (span.unit === null) return { code: null, name: null };
  for (const c of (rows[span.unit] as Row).cells) {
    const m = UNIT_RE.exec(cleanText(c));
    if (m?.[1]) return { code: m[1], name: m[2] ? m[2] : null };
  }
  return { code: null, name: null };
}

const MONTH_CELL = /^(3|6|10|12)\s*月\s*[底末]$/;
/** A month header cell ("3月底"); cells without 月 are not cleaned to be tested. */
const isMonthCell = (c: string) => c.includes('月') && MONTH_CELL.test(cleanText(c));
const MONTH_INDEX: Record<string, number> = { '3': 0, '6': 1, '10': 2, '12': 3 };

/**
 * The row after the month headers holds the schedule cells. When fewer than four are printed and
 * each sits under a month header (same cell index in a grid, same display column in aligned text),
 * returns each cell's month (0-3); otherwise undefined, and the cells are kept in order.
 */
function alignedScheduleSlots(rows: Row[], cells: string[], reader: RowReader): number[] | undefined {
  if (cells.length >= 4 || reader === 'stream') return undefined;
  const at = rows.findIndex((r) => r.cells.filter(isMonthCell).length >= 2);
  const header = rows[at];
  const values = rows.slice(at + 1).find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header || !values) return undefined;
  const position = (r: Row, i: number) => (reader === 'aligned' ? (r.cols?.[i] ?? -99) : i);
  const tolerance = reader === 'aligned' ? 3 : 0;
  const months: { pos: number; month: number }[] = [];
  header.cells.forEach((c, i) => {
    const m = c.includes('月') ? MONTH_CELL.exec(cleanText(c)) : null;
    if (m?.[1]) months.push({ pos: position(header, i), month: MONTH_INDEX[m[1]] as number });
  });
  const slots: number[] = [];
  for (let i = 0; i < values.cells.length; i++) {
    if (!/^-?\d/.test((values.cells[i] ?? '').trim())) continue;
    const pos = position(values, i);
    const match = months.find((m) => Math.abs(m.pos - pos) <= tolerance);
    if (!match) return undefined;
    slots.push(match.month);
  }
  return slots.length === cells.length ? slots : undefined;
}

function finishIndicators(raws: RawIndicator[], seq: number, diag: DiagnosticSink): Indicator[] {
  let carried = '';
  return raws.map((r) => {
    const level2 = canonicalLevel2(r.level2) ?? cleanText(r.level2);
    const printed1 = canonicalLevel1(r.level1) ?? cleanText(r.level1);
    const parent = level2Parent(level2);
    let level1 = printed1;
    if (printed1 === '' || !level1Agrees(printed1, level2)) {
      level1 = parent ?? carried;
      if (printed1 !== '' && parent)
        diag.add(
          'info',
          'LEVEL1_INFERRED',
          `一级指标“${printed1}”与二级指标“${level2}”不符，按二级指标归入“${parent}”`,
          r.line,
          seq,
        );
    }
    carried = level1;
    if (!parent) diag.add('warning', 'LEVEL2_UNKNOWN', `二级指标“${level2 || '（空）'}”不在指标体系中`, r.line, seq);
    const reading = readValue(hasWhitespace(r.value) ? r.value.replace(/\s+/g, ' ').trim() : r.value);
    if (reading.value.kind === 'empty')
      diag.add('warning', 'VALUE_EMPTY', `指标“${cleanText(r.level3)}”没有指标值`, r.line, seq);
    if (reading.spill)
      diag.add(
        'warning',
        'VALUE_RUN_ON',
        `指标值“${reading.value.raw}”连着下一格的文字“${reading.spill}”，按 ${reading.value.op ?? ''}${reading.value.number} 读取`,
        r.line,
        seq,
      );
    else if (reading.leftover)
      diag.add(
        'info',
        'VALUE_EXTRA_TEXT',
        `指标值“${reading.value.raw}”在数值和单位后还有“${reading.leftover}”`,
        r.line,
        seq,
      );
    return {
      level1,
      level2,
      level3: cleanText(r.level3),
      description: cleanText(r.description),
      value: reading.value,
      basis: cleanText(r.basis),
      line: r.line,
    };
  });
}

/**
 * Finds every 绩效目标表 in the rows of a document (anchored on its 项目编码 label, so a table of
 * contents or Part 1 that repeats the project names is never taken for a table) and reads it.
 */
export function readTables(rows: Row[], reader: RowReader, diag: DiagnosticSink): Project[] {
  const spans = findTables(rows, reader);
  return spans.map((span, k) => {
    const end = spans[k + 1]?.start ?? rows.length;
    const titleText = span.title !== null ? rowText(rows[span.title] as Row) : '';
    const titleMatch = TITLE_RE.exec(titleText.replace(/^.*?(?=\d{1,3}\s*[.、．])/, ''));
    const seq = titleMatch?.[1] ? Number(titleMatch[1]) : k + 1;
    const firstLine = (rows[span.start] as Row).line;
    if (!titleMatch)
      diag.add(
        'info',
        'TABLE_TITLE_MISSING',
        `第 ${k + 1} 张绩效目标表没有“N.xxx绩效目标表”标题，按出现顺序编号`,
        firstLine,
        seq,
      );
    let headerRow = -1;
    for (let i = span.codeRow; i < end; i++) {
      const r = rows[i] as Row;
      if (isHeaderRow(r)) {
        headerRow = i;
        break;
      }
    }
    const headerEnd = headerRow >= 0 ? headerRow : end;
    const tokens: string[] = [];
    // The header area's rows; aligned text has its cells wrapped in narrow columns put together again.
    let area = rows.slice(span.codeRow, headerEnd);
    if (reader === 'aligned') {
      // Where the table ends: the widest line of the header area (names, purpose and objectives wrap there) or its indicator header.
      const right = () => tableRight(rows, span.codeRow, Math.min(end, headerEnd + 1));
      const table = alignedTableRows(area, HEADER_LABEL_SET, right);
      for (const cells of table) for (const c of cells) tokens.push(...cellPieces(c.parts));
      area = table.map((cells) => ({
        cells: cells.map((c) => c.parts.join('')),
        cols: cells.map((c) => c.col),
        line: 0,
      }));
    } else
      for (let i = span.codeRow; i < headerEnd; i++) {
        const r = rows[i] as Row;
        if (r.cells.length === 0) continue;
        if (reader === 'stream') tokens.push(r.cells.join(' '));
        else tokens.push(...r.cells);
      }
    const h = readHeaderFields(tokens.join(SEP));
    for (const f of h.missing)
      diag.add(
        'warning',
        'FIELD_MISSING',
        `没有找到“${{ code: '项目编码', name: '项目名称', total: '预算数', schedule: '资金支出计划', objectives: '绩效目标' }[f as string] ?? f}”`,
        firstLine,
        seq,
      );
    if (h.code !== null && !isProjectCode(h.code))
      diag.add(
        'warning',
        'CODE_MALFORMED',
        `项目编码“${h.code}”不符合 20-22 位编码格式`,
        (rows[span.codeRow] as Row).line,
        seq,
      );
    if (h.codePieces.length > 1)
      diag.add('info', 'CODE_JOINED', `项目编码分行印刷，已拼接为 ${h.code}`, (rows[span.codeRow] as Row).line, seq);
    const name = h.name || cleanText(titleMatch?.[2] ?? '');
    if (!h.name && name) diag.add('info', 'NAME_FROM_TITLE', `项目名称取自表标题“${name}”`, firstLine, seq);
    if (h.total !== null) {
      const sum = round2((h.fiscal ?? 0) + (h.other ?? 0));
      if (h.fiscal !== null && Math.abs(sum - h.total) > 0.005)
        diag.add(
          'warning',
          'BUDGET_SUM_MISMATCH',
          `预算数 ${h.total} 不等于财政资金 ${h.fiscal ?? 0} + 其他资金 ${h.other ?? 0}`,
          firstLine,
          seq,
        );
    } else diag.add('warning', 'BUDGET_MISSING', '预算数缺失或无法读取', firstLine, seq);
    const slots = alignedScheduleSlots(area, h.scheduleCells, reader);
    const sched = buildSchedule(h.scheduleCells, h.months.length, h.total, slots);
    for (const p of sched.problems) diag.add(p.severity, p.code, p.message, firstLine, seq);
    if (h.scheduleJunk.length)
      diag.add(
        'info',
        'SCHEDULE_EXTRA_TEXT',
        `资金支出计划中有无法识别的文字：${h.scheduleJunk.join(' ')}`,
        firstLine,
        seq,
      );
    let raws: RawIndicator[] = [];
    if (headerRow < 0)
      diag.add(
        'error',
        'INDICATOR_HEADER_MISSING',
        '没有找到指标表头（一级指标/二级指标/三级指标…），未读取指标',
        firstLine,
        seq,
      );
    else {
      const header = rows[headerRow] as Row;
      const body = rows.slice(headerRow + 1, end);
      raws =
        reader === 'stream'
          ? readStreamIndicators(body)
          : reader === 'aligned'
            ? readAlignedIndicators(header, body)
            : readGridIndicators(header, body);
    }
    const indicators = finishIndicators(raws, seq, diag);
    if (headerRow >= 0 && indicators.length === 0)
      diag.add('error', 'NO_INDICATORS', '指标表头之后没有读到任何指标行', firstLine, seq);
    else if (indicators.length > 0 && indicators.length < 5)
      diag.add('warning', 'FEW_INDICATORS', `只读到 ${indicators.length} 行指标，少于通常的 7-12 行`, firstLine, seq);
    const unit = readUnit(rows, span);
    return {
      seq,
      unitCode: unit.code,
      unitName: unit.name,
      code: h.code,
      name,
      budget: { total: h.total, fiscal: h.fiscal, other: h.other },
      purpose: h.purpose,
      schedule: sched.schedule,
      objectives: splitObjectives(h.objectivesText),
      indicators,
      line: firstLine,
    };
  });
}
