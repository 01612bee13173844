/**
 * Text helpers shared by the renderers: display width, line wrapping that never breaks inside a
 * run of Latin letters or digits, money formatting and PDF-style spacing around digits.
 */

import { displayWidth } from '../parse/layouts/layout';
import { CJK_CHAR } from '../parse/normalize';

export { displayWidth };

/** Display width of one character: CJK and full-width forms take two columns (as the parser measures them). */
export function charWidth(ch: string): number {
  return displayWidth(ch);
}

/** `s` padded with spaces on the right to `width` display columns. */
export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/**
 * Characters next to which a line break is invisible once the parser joins the lines again
 * (its cleanText drops spaces next to these), so a wrapped cell reads back unchanged.
 */
const BREAKABLE = CJK_CHAR;

/** Splits text into wrap units: one CJK character, a run of other non-space characters, or a space. */
function units(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of text) {
    if (BREAKABLE.test(ch) || ch === ' ') {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Characters a line may not start with (closing punctuation), per Chinese line-breaking rules. */
const NO_START = /^[，。、；：！？）》」』】〕”’…,.;:!?)\]}%‰]/;
/** Characters a line may not end with (opening punctuation). */
const NO_END = /[（《「『【〔“‘([{]$/;

/**
 * Wraps text into lines of at most `width` display columns, breaking next to CJK characters or at
 * spaces (dropped at the break), and at every newline. Closing punctuation never starts a line and
 * opening punctuation never ends one (the character before moves down with it). A Latin/digit run
 * longer than the width is cut by character.
 * @param firstWidth width of the first line (an indented paragraph), default `width`
 */
export function wrapText(text: string, width: number, firstWidth = width): string[] {
  if (text.includes('\n'))
    return text.split(/\s*\n\s*/).flatMap((part, i) => wrapText(part, width, i === 0 ? firstWidth : width));
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  const room = () => Math.max(lines.length === 0 ? firstWidth : width, 2) - used;
  const push = (u: string) => {
    line.push(u);
    used += displayWidth(u);
  };
  const flush = (carry: string[] = []) => {
    while (line[line.length - 1] === ' ') line.pop();
    if (line.length) lines.push(line.join(''));
    line = [];
    used = 0;
    for (const u of carry) push(u);
  };
  for (const u of units(text.trim())) {
    if (u === ' ') {
      if (line.length && room() >= 1) push(' ');
      else flush();
      continue;
    }
    if (displayWidth(u) <= room()) {
      push(u);
      continue;
    }
    const carry: string[] = [];
    if (NO_START.test(u) && line.length > 1 && line[line.length - 1] !== ' ') carry.push(line.pop() as string);
    while (line.length > 1 && NO_END.test(line[line.length - 1] as string)) carry.unshift(line.pop() as string);
    used = displayWidth(line.join(''));
    flush(carry);
    if (displayWidth(u) <= room() || line.length) {
      push(u);
      continue;
    }
    for (const ch of u) {
      if (charWidth(ch) > room()) flush();
      push(ch);
    }
  }
  flush();
  return lines;
}

/** A 万元 amount as budget tables print it (two decimals); blank when absent. */
export function formatWan(n: number | null): string {
  return n === null || !Number.isFinite(n) ? '' : n.toFixed(2);
}

/** PDF text extraction puts a space between digits and Chinese characters ("2023 年", "≥30 个"). */
export function spaceDigits(s: string): string {
  return s.replace(/(?<=\d)(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=\d)/g, ' ');
}

/** The objectives numbered as printed: "1.…", "2.…". */
export function numberedObjectives(objectives: readonly string[]): string[] {
  return objectives.map((o, i) => `${i + 1}.${o}`);
}

/** The 绩效目标 cell text: numbered objectives "1.… 2.…", separated by `sep`. */
export function objectivesText(objectives: readonly string[], sep = ' '): string {
  return numberedObjectives(objectives).join(sep);
}

/** `text` centred in `width` display columns (left-padded only). */
export function center(text: string, width: number): string {
  const pad = Math.max(0, Math.floor((width - displayWidth(text)) / 2));
  return ' '.repeat(pad) + text;
}

/** Text on one line: newlines (and the spaces around them) become one space. */
export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}
