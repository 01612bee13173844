/** Text edits of the SQL editor, as pure functions over the text and the selection. */

/** Text and selection after an edit: replace `[from, to)` with `text`, then select `[start, end)`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
  start: number;
  end: number;
}

/** The indentation one Tab inserts. */
export const INDENT = '  ';

const WORD = /[\p{L}\p{N}_"]/u;

/**
 * Inserts a name at the selection, with a space on either side where it would otherwise run into
 * a word (`FROM|` + `projects` → `FROM projects`).
 */
export function insertName(value: string, start: number, end: number, name: string): TextEdit {
  const before = value.slice(0, start).at(-1) ?? '';
  const after = value.slice(end).at(0) ?? '';
  const text = `${WORD.test(before) ? ' ' : ''}${name}${WORD.test(after) ? ' ' : ''}`;
  const caret = start + text.length;
  return { from: start, to: end, text, start: caret, end: caret };
}

/**
 * Tab in the editor: without a line break in the selection, the selection becomes two spaces; with
 * one, every selected line is indented by two spaces (or outdented by up to two with `outdent`).
 */
export function indent(value: string, start: number, end: number, outdent = false): TextEdit {
  const multiline = value.slice(start, end).includes('\n');
  if (!multiline && !outdent) return { from: start, to: end, text: INDENT, start: start + 2, end: start + 2 };
  const from = value.lastIndexOf('\n', start - 1) + 1;
  const to = end > from && value[end - 1] === '\n' ? end - 1 : end;
  const lines = value.slice(from, to).split('\n');
  let removedFirst = 0;
  const changed = lines.map((line, i) => {
    if (!outdent) return INDENT + line;
    const n = line.startsWith(INDENT) ? 2 : line.startsWith(' ') ? 1 : 0;
    if (i === 0) removedFirst = n;
    return line.slice(n);
  });
  const text = changed.join('\n');
  const delta = text.length - (to - from);
  const shiftStart = outdent ? -Math.min(removedFirst, start - from) : INDENT.length;
  return { from, to, text, start: start + shiftStart, end: Math.max(start + shiftStart, end + delta) };
}
