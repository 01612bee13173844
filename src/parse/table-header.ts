import { splitTrimmed } from './layouts/layout';
import { parseWan } from './money';
import { cleanText, FULL_WIDTH_CLASS, toHalfWidth } from './normalize';
import { joinCode } from './project-code';
import type { WanYuan } from './types';

/** Separator between cells (or lines) when a table's header area is read as one string. */
export const SEP = '\u0001';

type Field = 'code' | 'name' | 'usage' | 'total' | 'fiscal' | 'other' | 'schedule' | 'month' | 'objectives';

/** Builds a label pattern that tolerates spaces and line/cell breaks between its characters. */
function label(word: string): string {
  return [...word].map((ch) => (ch === '(' || ch === ')' || ch === '%' ? `\\${ch}` : ch)).join(`[\\s${SEP}]*`);
}

const GAP = `[\\s${SEP}]*`;
/** Every `SEP` (a global pattern of one character replaces quicker than `replaceAll`). */
const SEP_ALL = new RegExp(SEP, 'g');
/** A schedule token: a run of characters other than whitespace and `SEP` (global: reset `lastIndex` before use). */
const TOKEN_RE = new RegExp(`[^\\s${SEP}]+`, 'g');
const LABELS: [Field, RegExp][] = [
  ['code', new RegExp(label('项目编码'), 'g')],
  ['name', new RegExp(label('项目名称'), 'g')],
  ['usage', new RegExp(`(?:${label('预算规模及')}${GAP})?${label('资金用途')}|${label('预算规模及')}`, 'g')],
  ['total', new RegExp(`${label('预算数')}|${label('预算金额')}|${label('预算总额')}`, 'g')],
  ['fiscal', new RegExp(`(?:${label('其中')}${GAP}[:：]?${GAP})?(?:${label('财政资金')}|${label('财政拨款')})`, 'g')],
  ['other', new RegExp(label('其他资金'), 'g')],
  ['schedule', new RegExp(`(?:${label('资金支出计划')}|${label('支出计划')})(?:${GAP}${label('(%)')})?`, 'g')],
  ['month', new RegExp(`(?<![\\d.年])(3|6|10|12)${GAP}月${GAP}[底末](?!${GAP}前)`, 'g')],
  ['objectives', new RegExp(`${label('绩效目标')}(?!${GAP}表)|${label('年度目标')}`, 'g')],
];

/**
 * The labels of the header area as printed (with their variants), for readers that must tell a label
 * broken over lines from the text after it.
 */
export const HEADER_LABELS: readonly string[] = [
  '项目编码',
  '项目名称',
  '预算规模及资金用途',
  '资金用途',
  '预算数',
  '预算金额',
  '预算总额',
  ...['其中：', '其中:', '其中', ''].flatMap((p) => [`${p}财政资金`, `${p}财政拨款`]),
  '其他资金',
  '资金支出计划(%)',
  '支出计划(%)',
  ...['3', '6', '10', '12'].flatMap((m) => [`${m}月底`, `${m}月末`]),
  '绩效目标',
  '年度目标',
];

interface Hit {
  field: Field;
  start: number;
  end: number;
  month?: number;
}

/** What the header area of one 绩效目标表 holds, before schedule and objectives are interpreted. */
export interface HeaderFields {
  code: string | null;
  codePieces: string[];
  name: string;
  total: WanYuan | null;
  fiscal: WanYuan | null;
  other: WanYuan | null;
  purpose: string;
  /** Printed schedule value cells in order. */
  scheduleCells: string[];
  /** Text in the schedule area that is neither a label nor a number. */
  scheduleJunk: string[];
  /** Month headers printed (3, 6, 10, 12 found). */
  months: number[];
  objectivesText: string;
  /** Labels that were not found. */
  missing: Field[];
}

/** Length-preserving normalisation so that label positions map back to the printed text. */
function normalizeForLabels(s: string): string {
  // One pass: the characters toHalfWidth changes, and the full-width brackets.
  return s.replace(FOR_LABELS, (ch) => (ch === '（' ? '(' : ch === '）' ? ')' : toHalfWidth(ch)));
}
const FOR_LABELS = new RegExp(`[${FULL_WIDTH_CLASS}（）]`, 'g');

/** The non-blank cells (or lines) of a stretch of the joined header, trimmed. */
function pieces(s: string): string[] {
  const out: string[] = [];
  for (const t of splitTrimmed(s, SEP)) if (t !== '') out.push(t);
  return out;
}

/**
 * Sorts hits by start, the longer first at the same start, keeping their order otherwise: a stable
 * insertion sort (a table has a dozen hits, nearly in order; `sort` would call a comparator each time).
 */
function sortHits(hits: Hit[]): void {
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i] as Hit;
    let j = i - 1;
    for (; j >= 0; j--) {
      const o = hits[j] as Hit;
      if ((o.start - h.start || h.end - o.end) <= 0) break;
      hits[j + 1] = o;
    }
    hits[j + 1] = h;
  }
}

/** One bit per field and per month header, for the labels already kept. */
const FIELD_BIT: Record<Field, number> = {
  code: 1,
  name: 2,
  usage: 4,
  total: 8,
  fiscal: 16,
  other: 32,
  schedule: 64,
  month: 0,
  objectives: 128,
};
const MONTH_BIT: Record<number, number> = { 3: 256, 6: 512, 10: 1024, 12: 2048 };
const ALL_MONTH_BITS = 256 | 512 | 1024 | 2048;

/** Reads the leading amount of a budget cell; the rest of the cell belongs to the purpose. */
function amountAndRest(ps: string[]): [WanYuan | null, string[]] {
  const first = ps[0];
  if (first === undefined) return [null, []];
  const whole = parseWan(first);
  if (whole !== null) return [whole, ps.slice(1)];
  // "41.77 解决…" is an amount and the purpose; "2023 年，…" (a space after the number, as PDF
  // extraction leaves it) is the purpose alone: a number with a unit other than 万元 is no amount.
  const m = /^(\d+(?:\.\d+)?)(?:\s*万元)?\s+(?![年月日号个人次项件台套辆批天%％‰])(.*)$/.exec(first);
  if (m?.[1] && m[2] !== undefined) return [parseWan(m[1]), [m[2], ...ps.slice(1)]];
  return [null, ps];
}

/**
 * Reads the fields above the indicator rows of one table from its cells joined by `SEP`:
 * each label's value is the text up to the next label, wherever the layout put it.
 */
export function readHeaderFields(joined: string): HeaderFields {
  const norm = normalizeForLabels(joined);
  const hits: Hit[] = [];
  for (const [field, re] of LABELS) {
    re.lastIndex = 0;
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({
        field,
        start: m.index,
        end: m.index + m[0].length,
        month: field === 'month' ? Number(m[1]) : undefined,
      });
    }
  }
  sortHits(hits);
  const kept: Hit[] = [];
  // Labels seen: fields, and months by their number.
  let seen = 0;
  let scheduleStart = -1;
  for (const h of hits) {
    const prev = kept[kept.length - 1];
    if (prev && h.start < prev.end) continue;
    const bit = h.month !== undefined ? (MONTH_BIT[h.month] as number) : FIELD_BIT[h.field];
    if ((seen & bit) !== 0) continue;
    // The purpose may quote labels ("预算数110万元，其中财政资金…"); labels count only once and in the header's order.
    if (h.field !== 'month' && h.field !== 'schedule' && scheduleStart >= 0 && h.field !== 'objectives') continue;
    if (h.field === 'schedule' || h.field === 'month') scheduleStart = scheduleStart < 0 ? h.start : scheduleStart;
    seen |= bit;
    kept.push(h);
    if (h.field === 'objectives') break;
  }
  const text = (f: Field): string | null => {
    const i = kept.findIndex((h) => h.field === f);
    if (i < 0) return null;
    const h = kept[i] as Hit;
    const end = kept[i + 1]?.start ?? joined.length;
    return joined.slice(h.end, end);
  };
  // Month headers stand for the schedule label.
  const found = (seen & ALL_MONTH_BITS) !== 0 ? seen | FIELD_BIT.schedule : seen;
  const missing = (['code', 'name', 'total', 'schedule', 'objectives'] as Field[]).filter(
    (f) => (found & FIELD_BIT[f]) === 0,
  );
  const codePieces = pieces(text('code') ?? '');
  const code = codePieces.length ? joinCode(codePieces) : null;
  const name = cleanText(pieces(text('name') ?? '').join('\n'));
  const [total, restTotal] = amountAndRest(pieces(text('total') ?? ''));
  const [fiscal, restFiscal] = amountAndRest(pieces(text('fiscal') ?? ''));
  const [other, restOther] = amountAndRest(pieces(text('other') ?? ''));
  const purposeParts = [...pieces(text('usage') ?? ''), ...restTotal, ...restFiscal, ...restOther];
  const purpose = cleanText(purposeParts.join('\n'));

  const scheduleCells: string[] = [];
  const scheduleJunk: string[] = [];
  const months: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    const h = kept[i] as Hit;
    if (h.field !== 'schedule' && h.field !== 'month') continue;
    if (h.month !== undefined) months.push(h.month);
    const end = kept[i + 1]?.start ?? joined.length;
    // Tokens are recognised on the normalised text but kept as printed (full-width digits stay).
    const printed = joined.slice(h.end, end);
    // The normalisation keeps every character in its place: the area is a slice of the normalised text.
    const area = norm.slice(h.end, end);
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(area); m !== null; m = TOKEN_RE.exec(area)) {
      const tok = m[0];
      const asPrinted = printed.slice(m.index, m.index + tok.length);
      if (/^-?\d+(\.\d+)?%?$/.test(tok)) scheduleCells.push(asPrinted);
      else if (/^-?\d+(\.\d+)?(%|万元)?[,，;；]?$/.test(tok)) scheduleCells.push(asPrinted.replace(/[,，;；]$/, ''));
      else scheduleJunk.push(asPrinted);
    }
  }
  return {
    code,
    codePieces,
    name,
    total,
    fiscal,
    other,
    purpose,
    scheduleCells: scheduleCells.map((c) => (c.endsWith('万元') ? c.slice(0, -2) : c)),
    scheduleJunk,
    months,
    objectivesText: (text('objectives') ?? '').replace(SEP_ALL, '\n'),
    missing,
  };
}
