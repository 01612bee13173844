import { COMPARATOR_START, peekValue } from '../indicator-value';
import { isWhitespace } from '../normalize';
import type { Layout, Row } from './layout';

const CJK_END_MARKS = new Set([...'）)》”。，；：、'].map((ch) => ch.charCodeAt(0)));

/** A character ending Chinese text (`[\u3400-\u9fff）)》”。，；：、]$`): a space after it may split cells. */
function cjkEnd(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return (c >= 0x3400 && c <= 0x9fff) || CJK_END_MARKS.has(c);
}

/** A character starting Chinese text (`^[\u3400-\u9fff（(《“]`). */
function cjkStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x9fff) || c === 0xff08 || c === 0x28 || c === 0x300a || c === 0x201c;
}

/** `/^\d/`: the text starts with an ASCII digit. */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** Words completing a date broken by a space ("2024 年年 底", "2024 年底 前"). */
const DATE_TAIL_WORDS = new Set(['前', '底', '末', '内', '完成', '前完成', '底前', '底完成']);
/** Their first characters: tokens are told by these before being looked up (a lookup hashes the token). */
const DATE_TAIL_FIRSTS = '前底末内完';

/**
 * A character every clean value holds: a digit, or one of those of the date words (年底, 季度, 及时 …).
 * Most text is told by it without being read.
 */
const VALUE_CHAR = /[\d０-９年月季日周天及]/;

/**
 * Longest text read as a value while a line is split. Fragments merged so far grow with the line, and
 * reading each again at every token made a long line (10,000 characters of "1 2 1 2 …") quadratic;
 * the values of a 绩效目标表 are a few dozen characters at most.
 */
const VALUE_MAX = 100;

/** A number with a known unit or comparator and nothing left over ("321 辆", "100%"), or a date ("2024 年年底"). */
function isCleanValue(s: string): boolean {
  if (s.length > VALUE_MAX || !VALUE_CHAR.test(s)) return false;
  const { value, leftover } = peekValue(s);
  return (
    value.kind === 'date' || (value.number !== null && leftover === '' && (value.unit !== null || value.op !== null))
  );
}

/**
 * Splits a PDF text line into cell fragments. Cells are separated by single spaces, but PDF
 * extraction also puts spaces inside cells ("≥30 个", "24 小时"), so a space splits only between
 * Chinese text, before a comparator, after a percentage, or before a value.
 */
export function splitFragments(line: string): string[] {
  return trimmedFragments(line.trim());
}

/** {@link splitFragments} of a line already trimmed (the rows are, to tell blank lines). */
function trimmedFragments(line: string): string[] {
  if (!/\S[ \t\u00a0\u3000]+\S/.test(line)) return [line];
  // Trimmed, the line neither starts nor ends with a separator: no token is empty.
  const tokens = line.split(/[ \t\u00a0\u3000]+/);
  const out: string[] = [];
  // The fragment being built, as its tokens, joined once it is done: a string grown token by token
  // is copied whole at each look at its characters, which made a long line quadratic.
  let parts: string[] = [tokens[0] as string];
  // The fragment as one string while it could still be a value ('' beyond VALUE_MAX), and its last token.
  let prev = tokens[0] as string;
  let last = prev;
  let prevLength = prev.length;
  // Each condition is asked once per pair of tokens (a PDF's text has hundreds of thousands): the
  // plain character tests stand for anchored patterns and come before the value readings.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    const pairLength = prevLength + 1 + t.length;
    // One string for the pair, made while it could be a value: its readings are remembered by the string, hashed once.
    const pair = prev !== '' && pairLength <= VALUE_MAX ? `${prev} ${t}` : '';
    const prevDigit = startsWithDigit(parts[0] as string);
    // "2024 年年 底", "2024 年底 前": a date broken by a space stays one cell.
    const dateTail =
      (t.length <= 3 &&
        DATE_TAIL_FIRSTS.includes(t.charAt(0)) &&
        DATE_TAIL_WORDS.has(t) &&
        prev !== '' &&
        prev.length <= VALUE_MAX &&
        peekValue(prev).value.kind === 'date') ||
      (prevDigit && last.endsWith('年') && /^\d{4}\s*年$/.test(prev) && /^\d{1,2}(\s*月.*)?$/.test(t));
    const digit = startsWithDigit(t);
    const merge =
      (prevDigit && !isCleanValue(prev) && isCleanValue(pair)) ||
      dateTail ||
      !(
        COMPARATOR_START.test(t) ||
        (digit &&
          isCleanValue(prev) &&
          !isCleanValue(pair) &&
          !(next !== undefined && pair !== '' && isCleanValue(`${pair} ${next}`))) ||
        last.endsWith('%') ||
        last.endsWith('％') ||
        (cjkEnd(last) &&
          (cjkStart(t) || (digit && (isCleanValue(t) || (next !== undefined && isCleanValue(`${t} ${next}`))))))
      );
    if (merge) {
      parts.push(t);
      prev = pair;
      prevLength = pairLength;
    } else {
      out.push(parts.length === 1 ? (parts[0] as string) : parts.join(' '));
      parts = [t];
      prev = t;
      prevLength = t.length;
    }
    last = t;
  }
  out.push(parts.length === 1 ? (parts[0] as string) : parts.join(' '));
  return out;
}

/** True when the last character before trailing whitespace is 码 or 标, as in the labels detection counts. */
function endsWithLabel(l: string): boolean {
  let i = l.length - 1;
  while (i >= 0 && isWhitespace(l.charCodeAt(i))) i--;
  const c = l.charCodeAt(i);
  return c === 0x7801 || c === 0x6807;
}

/**
 * PDF text extraction: one cell per line at best; cells broken over lines, several cells on one
 * line, level-1 labels out of order, header rows repeated after page breaks.
 */
export const pdfTextLayout: Layout = {
  id: 'pdf-text',
  reader: 'stream',
  detect(lines) {
    let n = 0;
    for (const l of lines)
      if (endsWithLabel(l) && /^\s*(项目编码|一级指标|数量指标|质量指标|时效指标|成本指标)\s*$/.test(l)) n++;
    return n;
  },
  rows(_text, lines) {
    return lines.map((l, i): Row => {
      const trimmed = l.trim();
      return { cells: trimmed === '' ? [] : trimmedFragments(trimmed), line: i + 1 };
    });
  },
};
