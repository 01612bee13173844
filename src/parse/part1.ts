import { cleanText, stripMarkers } from './normalize';
import type { Overall, SubGoal } from './types';

const TOC_LINE = /(\.{3,}|…{2,}|·{3,})|\t\s*\d+\s*$/;
const GOAL_H = /^[一1]\s*[、.．]\s*总体绩效目标\s*$/;
const SUB_H = /^[二2]\s*[、.．]\s*分项绩效目标\s*$/;
const MEASURE_H = /^[三3]\s*[、.．]\s*(工作)?保障措施\s*$/;
const PART2_H = /^第二部分/;

/** Numbering styles of Part-1 items; an item list uses the style of its first item only. */
const ITEM_STYLES: RegExp[] = [
  /^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$/,
  /^(\d{1,2})\s*(?:、|[.．](?!\d))\s*(.*)$/,
  /^([一二三四五六七八九十]+)是\s*(.*)$/,
];

/** A page number left between the lines of a page: "- 3 -", "第3页", "第3页 共12页", "3". */
const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,3})$/;

const NUMBERED = /^([（(][一二三四五六七八九十\d]+[）)]|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]+[、是])/;

/**
 * Joins Part-1 lines into text: lines wrapped by PDF extraction are joined, but a line that ends a
 * sentence or is followed by a numbered item keeps its break, so items stay apart.
 */
function joinLines(lines: string[]): string {
  let out = '';
  // The line `out` ends with: tested instead of `out`, which would be copied into one string each time.
  let last = '';
  for (const raw of lines) {
    const line = cleanText(raw);
    if (line === '') continue;
    if (out === '') out = line;
    else if (/[。；;：:！!？?]$/.test(last) || NUMBERED.test(line)) out += `\n${line}`;
    else out += line;
    last = line;
  }
  return out;
}

function lastIndex(lines: string[], re: RegExp, from = 0): number {
  let found = -1;
  for (let i = from; i < lines.length; i++) if (re.test(lines[i] ?? '') && !TOC_LINE.test(lines[i] ?? '')) found = i;
  return found;
}

function firstIndex(lines: string[], re: RegExp, from: number): number {
  for (let i = Math.max(from, 0); i < lines.length; i++)
    if (re.test(lines[i] ?? '') && !TOC_LINE.test(lines[i] ?? '')) return i;
  return -1;
}

/** Splits lines into numbered items (title line + body lines) in the numbering style of the first item. */
function splitItems(input: string[]): { title: string; body: string[] }[] {
  const style = ITEM_STYLES.find((re) => input.some((l) => re.test(l)));
  // PDF text can run the next item's number into the end of a sentence ("…达到 100%。2、…").
  const runIn = /。\s*\d{1,2}、/;
  const lines =
    style === ITEM_STYLES[1] && input.some((l) => runIn.test(l))
      ? input.flatMap((l) => (runIn.test(l) ? l.split(/(?<=。)\s*(?=\d{1,2}、)/) : l))
      : input;
  if (!style) return lines.length ? [{ title: '', body: lines }] : [];
  const items: { title: string; body: string[] }[] = [];
  for (const l of lines) {
    const m = style.exec(l);
    if (m) items.push({ title: (m[2] ?? '').trim(), body: [] });
    else if (items.length) items[items.length - 1]?.body.push(l);
    else items.push({ title: '', body: [l] });
  }
  return items;
}

function cleanTitle(title: string): string {
  return cleanText(title).replace(/[。；;，,]$/, '');
}

function readSubGoal(item: { title: string; body: string[] }): SubGoal {
  const text = item.body.join('\n');
  const goalAt = text.search(/绩效目标\s*[:：]/);
  const indAt = text.search(/绩效指标\s*[:：]/);
  if (goalAt < 0 && indAt < 0) {
    // Paragraphs, not lines, are told apart: where a line breaks depends on the page width.
    const paragraphs = joinLines(item.body).split('\n');
    const ind = paragraphs.filter((l) => /指标|[:：].*\d/.test(l));
    const goal = paragraphs.filter((l) => !ind.includes(l));
    return { title: cleanTitle(item.title), goal: joinLines(goal), indicators: joinLines(ind) };
  }
  const firstLabel = Math.min(...[goalAt, indAt].filter((i) => i >= 0));
  let lead = text.slice(0, firstLabel);
  let title = item.title.replace(/^(\d{1,2}\s*、\s*)+/, '');
  if (title === '' && lead.trim() !== '') [title, lead] = [lead, ''];
  const goal =
    goalAt >= 0 ? text.slice(goalAt, indAt > goalAt ? indAt : text.length).replace(/^绩效目标\s*[:：]/, '') : '';
  const indicators =
    indAt >= 0 ? text.slice(indAt, goalAt > indAt ? goalAt : text.length).replace(/^绩效指标\s*[:：]/, '') : '';
  return {
    title: cleanTitle(title),
    goal: joinLines(`${lead}\n${goal}`.split('\n')),
    indicators: joinLines(indicators.split('\n')),
  };
}

/**
 * Reads Part 1 (部门整体绩效目标): 一、总体绩效目标, 二、分项绩效目标 (title, goal, indicator text),
 * 三、工作保障措施. A table of contents repeating the headings is skipped.
 * @param rawLines the document's lines before its first 绩效目标表
 */
export function readOverall(rawLines: string[]): Overall {
  const lines = rawLines
    // Markdown headings and bold lines ("## 一、总体绩效目标") are headings like any other.
    .map((l) => {
      const marked = stripMarkers(l);
      const t = marked.startsWith('\t') ? marked.replace(/^\t+/, '') : marked;
      const line = (t.includes('\t') ? t.replace(/\t/g, ' ') : t).trim();
      return line.startsWith('#') || line.startsWith('*')
        ? line.replace(/^#{1,6}\s+/, '').replace(/^\*\*(.*)\*\*$/, '$1')
        : line;
    })
    .filter((l) => l !== '' && !PAGE_NUMBER.test(l));
  const goalH = lastIndex(lines, GOAL_H);
  const subH = firstIndex(lines, SUB_H, goalH + 1);
  const measH = firstIndex(lines, MEASURE_H, Math.max(subH, goalH) + 1);
  const endH = firstIndex(lines, PART2_H, Math.max(measH, subH, goalH) + 1);
  const end = endH >= 0 ? endH : lines.length;
  const section = (from: number, to: number) => (from < 0 ? [] : lines.slice(from + 1, to < 0 ? end : to));
  // Some documents repeat a heading ("部门总体绩效目标") above the goal text.
  const goalLines = section(goalH, subH >= 0 ? subH : measH).filter(
    (l, i) => !(i === 0 && /^(部门)?总体绩效目标[:：]?$/.test(l)),
  );
  const subLines = section(subH, measH);
  const measureLines = section(measH, end);
  return {
    goal: joinLines(goalLines),
    subGoals: splitItems(subLines).map(readSubGoal),
    measures: splitItems(measureLines)
      .map((it) => {
        const title = cleanText(it.title);
        const body = joinLines(it.body).replace(/\n/g, '');
        // A short heading keeps its own line; a long first line is the start of a wrapped paragraph.
        const heading = title.length <= 30 || /[。；;：:]$/.test(title);
        return [title, body].filter((t) => t !== '').join(heading ? '\n' : '');
      })
      .filter((m) => m !== ''),
  };
}
