import { COMPARATOR_START, peekValue } from '../indicator-value';
import type { Layout, Row } from './layout';

const CJK_END = /[\u3400-\u9fff）)》”。，；：、]$/;
const CJK_START = /^[\u3400-\u9fff（(《“]/;

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
  if (!/\S[ \t\u00a0\u3000]+\S/.test(line)) return [line.trim()];
  const tokens = line
    .trim()
    .split(/[ \t\u00a0\u3000]+/)
    .filter((t) => t !== '');
  const out: string[] = [];
  tokens.forEach((t, i) => {
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (prev === undefined) {
      out.push(t);
      return;
    }
    // One string for the pair: its readings are remembered by the string, hashed once.
    const pair = `${prev} ${t}`;
    // "2024 年年 底", "2024 年底 前": a date broken by a space stays one cell.
    const dateTail =
      (/^(前|底|末|内|完成|前完成|底前|底完成)$/.test(t) && peekValue(prev).value.kind === 'date') ||
      (/^\d{4}\s*年$/.test(prev) && /^\d{1,2}(\s*月.*)?$/.test(t));
    if ((/^\d/.test(prev) && !isCleanValue(prev) && isCleanValue(pair)) || dateTail) {
      out[out.length - 1] = pair;
      return;
    }
    const split =
      COMPARATOR_START.test(t) ||
      (/^\d/.test(t) &&
        isCleanValue(prev) &&
        !isCleanValue(pair) &&
        !(next !== undefined && isCleanValue(`${pair} ${next}`))) ||
      /[%％]$/.test(prev) ||
      (CJK_END.test(prev) && CJK_START.test(t)) ||
      (CJK_END.test(prev) &&
        /^\d/.test(t) &&
        (isCleanValue(t) || (next !== undefined && isCleanValue(`${t} ${next}`))));
    if (split) out.push(t);
    else out[out.length - 1] = pair;
  });
  return out;
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
    for (const l of lines) if (/^\s*(项目编码|一级指标|数量指标|质量指标|时效指标|成本指标)\s*$/.test(l)) n++;
    return n;
  },
  rows(_text, lines) {
    return lines.map((l, i): Row => ({ cells: l.trim() === '' ? [] : splitFragments(l), line: i + 1 }));
  },
};
