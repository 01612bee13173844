import { stripLatex, stripMarkers, toHalfWidth } from './normalize';
import type { Comparator, IndicatorValue, ValueKind } from './types';

/** Comparator words, longest first so that 不低于 wins over 低于. */
const COMPARATOR_WORDS: [string, Comparator][] = [
  ['大于等于', '≥'],
  ['大于或等于', '≥'],
  ['小于等于', '≤'],
  ['小于或等于', '≤'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['不大于', '≤'],
  ['>=', '≥'],
  ['<=', '≤'],
  ['≧', '≥'],
  ['≦', '≤'],
  ['⩾', '≥'],
  ['⩽', '≤'],
  ['≥', '≥'],
  ['≤', '≤'],
  ['达到', '≥'],
  ['高于', '>'],
  ['大于', '>'],
  ['超过', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['等于', '='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Suffix words that carry a comparator after the number ("95%以上"). */
const SUFFIX_COMPARATORS: [string, Comparator][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
  ['之内', '≤'],
];

/** A value starting with a comparator: ≥ ≤ > < =, 不低于 …, or a LaTeX `$\\ge`/`$\\le`. */
export const COMPARATOR_START = /^(≥|≤|>|<|=|＞|＜|不低于|不少于|不高于|不超过|\$\\[gl]e)/;

/** Units recognised after a number, longest first. Anything else is kept as printed in `raw`. */
export const VALUE_UNITS = [
  '平方公里',
  '平方米',
  '立方米',
  '万人次',
  '个工作日',
  '工作日',
  '万元',
  '亿元',
  '千元',
  '人次',
  '户次',
  '车次',
  '批次',
  '场次',
  '课时',
  '小时',
  '分钟',
  '公里',
  '千米',
  '平米',
  '学时',
  '%',
  '‰',
  '元',
  '次',
  '人',
  '个',
  '台',
  '套',
  '辆',
  '批',
  '场',
  '年',
  '月',
  '天',
  '日',
  '周',
  '米',
  '吨',
  '件',
  '项',
  '户',
  '所',
  '家',
  '篇',
  '期',
  '份',
  '条',
  '处',
  '座',
  '只',
  '棵',
  '株',
  '亩',
  '册',
  '本',
  '部',
  '名',
  '类',
  '张',
  '幅',
  '块',
  '盏',
  '根',
  '分',
  '个月',
  '方',
  '间',
  '支',
  '组',
  '箱',
  '袋',
  '包',
  '架',
  '辆次',
  '起',
  '宗',
  '单',
  '笔',
  '村',
  '镇',
  '乡',
  '栋',
  '口',
  '眼',
  '处次',
  '人天',
  '元/人',
].sort((a, b) => b.length - a.length);

const MONEY_UNITS = new Set(['万元', '亿元', '千元', '元']);

const DATE_RE =
  /(\d{4}\s*年\s*(\d{1,2}\s*月|底|年底|末|内|前|上半年|下半年|第?[一二三四1-4]季度)|\d{1,2}\s*月\s*(底|末|前|\d{1,2}\s*日)|年底|年末|年内|季度|上半年|下半年|当年|本年度|年度内|月底前|日前|工作日内|个月内|周内|天内|及时)/;

/** Normalises a value cell for reading: half-width, no LaTeX, no spaces inside numbers. */
export function normalizeValueText(raw: string): string {
  return toHalfWidth(stripLatex(stripMarkers(raw)))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/(?<=[\d.%≥≤<>=])\s+(?=[\d.%\u3400-\u9fff])/g, '')
    .replace(/(?<=[≥≤<>=\u3400-\u9fff])\s+(?=\d)/g, '')
    .replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
}

function readComparator(s: string): [Comparator | null, string] {
  for (const [word, op] of COMPARATOR_WORDS) if (s.startsWith(word)) return [op, s.slice(word.length).trimStart()];
  return [null, s];
}

/** True when the text reads as a date or period target (2024年12月底前, 12月底前, 年底前完成). */
export function isDateText(s: string): boolean {
  return DATE_RE.test(s);
}

/**
 * Reads a 指标值 cell: optional comparator (≥ ≤ > < = and the words 不低于, 不高于, 达到, 以上, 以下 …),
 * a number and unit, or a date/period, or words. Never throws.
 * @param raw the cell as printed
 */
export function parseValue(raw: string): IndicatorValue {
  return readValue(raw).value;
}

/** What `readValue` found beyond the value: text left after the unit, and text that ran in from the next cell. */
export interface ValueReading {
  value: IndicatorValue;
  /** Text after number and unit that is not part of the value ("百分比" in "≥95%百分比"). */
  leftover: string;
  /** Text that ran in from the next cell ("2024年年底完成" in "≥952024年年底完成"). */
  spill: string;
}

/** `parseValue` plus what was left over, so callers can report it. */
export function readValue(raw: string): ValueReading {
  const reading = peekValue(raw);
  const { raw: printed, op, number, unit, kind } = reading.value;
  // A copy, in the order the reader makes the fields (an object literal copies quicker than a spread).
  return { value: { raw: printed, op, number, unit, kind }, leftover: reading.leftover, spill: reading.spill };
}

/** `readValue` for callers that only look: the reading is shared and must not be changed. */
export function peekValue(raw: string): Readonly<ValueReading> {
  // Documents repeat the same few values ("≥95%") thousands of times: remember recent readings.
  const known = MEMO.get(raw);
  if (known) return known;
  const reading = readValueUncached(raw);
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear();
  MEMO.set(raw, reading);
  return reading;
}

const MEMO = new Map<string, ValueReading>();
const MEMO_LIMIT = 10_000;

function readValueUncached(raw: string): ValueReading {
  const printed = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  const s = normalizeValueText(raw);
  if (s === '')
    return { value: { raw: printed, op: null, number: null, unit: null, kind: 'empty' }, leftover: '', spill: '' };
  let [op, rest] = readComparator(s);
  // "年度指标值不低于95%", "满意度达到95%": a short lead-in before the comparator.
  if (op === null) {
    const m = /^([\u3400-\u9fff]{1,8}?)(不低于|不少于|不高于|不超过|达到|大于等于|小于等于|≥|≤)/.exec(s);
    if (m?.[1] !== undefined && m[2] !== undefined) {
      const [leadOp, leadRest] = readComparator(s.slice(m[1].length));
      if (/^\d/.test(leadRest)) [op, rest] = [leadOp, leadRest];
    }
  }
  const num = /^(\d+(?:\.\d+)?)/.exec(rest);
  if (!num?.[1]) {
    const kind: ValueKind = isDateText(s) ? 'date' : 'text';
    return { value: { raw: printed, op, number: null, unit: null, kind }, leftover: '', spill: '' };
  }
  let digits = num[1];
  // Digits beyond what a number holds (a damaged cell, "9999…" over a whole line) are text, not Infinity.
  if (!Number.isFinite(Number(digits)))
    return { value: { raw: printed, op, number: null, unit: null, kind: 'text' }, leftover: '', spill: '' };
  let after = rest.slice(digits.length);
  let spilled = '';
  // A value that ran into the next cell: "≥952024年年底完成" is "≥95" followed by "2024年年底完成".
  const spill = /^(\d{1,3})(20\d{2})$/.exec(digits);
  if (spill?.[1] && spill[2] && /^年/.test(after)) {
    digits = spill[1];
    spilled = spill[2] + after;
    after = '';
  }
  const date =
    spilled === '' && isDateText(s) && !/^(\d+(\.\d+)?)(个月|年|月|天|日|周|个工作日|工作日|小时)$/.test(rest);
  if (date)
    return {
      value: { raw: printed, op, number: op === null ? null : Number(digits), unit: null, kind: 'date' },
      leftover: '',
      spill: '',
    };
  let unit: string | null = null;
  for (const u of VALUE_UNITS) {
    if (after.startsWith(u)) {
      unit = u;
      after = after.slice(u.length);
      const per = /^\/[\u3400-\u9fff]{1,2}/.exec(after);
      if (per) {
        unit += per[0];
        after = after.slice(per[0].length);
      }
      break;
    }
  }
  const bracketed = unit === null ? /^[（(]([\u3400-\u9fff%]{1,3})[）)]/.exec(after) : null;
  if (bracketed?.[1]) {
    unit = bracketed[1];
    after = after.slice(bracketed[0].length);
  }
  if (op === null) {
    for (const [word, sop] of SUFFIX_COMPARATORS) {
      if (after.startsWith(word)) {
        op = sop;
        after = after.slice(word.length);
        break;
      }
    }
  }
  const kind: ValueKind =
    unit === '%' || unit === '‰' ? 'percent' : unit && MONEY_UNITS.has(unit.split('/')[0] ?? '') ? 'money' : 'number';
  return { value: { raw: printed, op, number: Number(digits), unit, kind }, leftover: after.trim(), spill: spilled };
}

/** True when a cell looks like a target value (used to anchor cells of broken PDF rows). */
export function looksLikeValue(cell: string): boolean {
  // Asked for the same few values again and again, like `readValue`.
  const known = LOOKS_MEMO.get(cell);
  if (known !== undefined) return known;
  const looks = looksLikeValueUncached(cell);
  if (LOOKS_MEMO.size >= MEMO_LIMIT) LOOKS_MEMO.clear();
  LOOKS_MEMO.set(cell, looks);
  return looks;
}

const LOOKS_MEMO = new Map<string, boolean>();

function looksLikeValueUncached(cell: string): boolean {
  const s = normalizeValueText(cell);
  if (s === '' || s.length > 24) return false;
  if (/^(≥|≤|>|<|=|不低于|不少于|不高于|不超过|达到)\s*\d/.test(s)) return true;
  if (/^\d+(\.\d+)?\s*(%|‰)/.test(s)) return true;
  if (/^\d+(\.\d+)?[\u3400-\u9fff]{1,3}$/.test(s)) return true;
  return /^(\d{4}年)?\d{1,2}月(底|末)前?$/.test(s) || /^(良好|优秀|较好|明显|显著|有效|稳步|逐步|持续)/.test(s);
}
