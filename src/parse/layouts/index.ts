import { alignedLayout } from './aligned';
import { htmlLayout } from './html';
import type { Layout } from './layout';
import { markdownLayout } from './markdown';
import { pdfTextLayout } from './pdf-text';
import { tsvLayout } from './tsv';
import { wordLayout } from './word';

export type { Layout, Row, RowReader } from './layout';
export { displayWidth, splitLines } from './layout';

/** Every layout family the parser reads; adding a layout is one file and one entry here. */
export const LAYOUTS: readonly Layout[] = [
  htmlLayout,
  markdownLayout,
  tsvLayout,
  wordLayout,
  alignedLayout,
  pdfTextLayout,
];

const DETECT_LINES = 4000;

/**
 * The lines detection looks at: from the start, up to the first few thousand different lines, which
 * tell the layout as well as all of them would. Counted by different lines, a line repeated thousands
 * of times (a title or header a broken page loop printed over and over) cannot push the tables out of
 * the sample and leave the document to the fallback layout.
 */
function detectionSample(lines: string[]): string[] {
  if (lines.length <= DETECT_LINES) return lines;
  const seen = new Set<string>();
  let end = 0;
  while (end < lines.length && seen.size < DETECT_LINES) seen.add(lines[end++] as string);
  return end === lines.length ? lines : lines.slice(0, end);
}

/** Picks the layout with the highest detection score (PDF text when nothing else scores). */
export function detectLayout(lines: string[]): Layout {
  const sample = detectionSample(lines);
  let best: Layout = pdfTextLayout;
  let bestScore = 0;
  for (const layout of LAYOUTS) {
    const score = layout.detect(sample);
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best;
}

/** Looks a layout up by id; throws for an unknown id (a programmer error). */
export function layoutById(id: string): Layout {
  const layout = LAYOUTS.find((l) => l.id === id);
  if (!layout) throw new Error(`invalid layout: ${id}`);
  return layout;
}
