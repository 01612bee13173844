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

/** A number with a known unit or comparator and nothing left over ("321 辆", "100%"), or a date ("2024 年年底"). */
function isCleanValue(s: string): boolean {
  if (!VALUE_CHAR.test(s)) return false;
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
  const out: string[] = [tokens[0] as string];
  // Each condition is asked once per pair of tokens (a PDF's text has hundreds of thousands): the
  // plain character tests stand for anchored patterns and come before the value readings.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const prev = out[out.length - 1] as string;
    const next = tokens[i + 1];
    // One string for the pair: its readings are remembered by the string, hashed once.
    const pair = `${prev} ${t}`;
    const prevDigit = startsWithDigit(prev);
    // "2024 年年 底", "2024 年底 前": a date broken by a space stays one cell.
    const dateTail =
      (t.length <= 3 &&
        DATE_TAIL_FIRSTS.includes(t.charAt(0)) &&
        DATE_TAIL_WORDS.has(t) &&
        peekValue(prev).value.kind === 'date') ||
      (prevDigit && prev.endsWith('年') && /^\d{4}\s*年$/.test(prev) && /^\d{1,2}(\s*月.*)?$/.test(t));
    if ((prevDigit && !isCleanValue(prev) && isCleanValue(pair)) || dateTail) {
      out[out.length - 1] = pair;
      continue;
    }
    const digit = startsWithDigit(t);
    const split =
      COMPARATOR_START.test(t) ||
      (digit &&
        isCleanValue(prev) &&
        !isCleanValue(pair) &&
        !(next !== undefined && isCleanValue(`${pair} ${next}`))) ||
      prev.endsWith('%') ||
      prev.endsWith('％') ||
      (cjkEnd(prev) &&
        (cjkStart(t) || (digit && (isCleanValue(t) || (next !== undefined && isCleanValue(`${t} ${next}`))))));
    if (split) out.push(t);
    else out[out.length - 1] = pair;
  }
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
