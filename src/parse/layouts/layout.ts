/** One row of a layout's reading: table cells (grid layouts) or a line's fragments (text layouts). */
export interface Row {
  /** Cell texts in reading order; an empty array is a blank line. */
  cells: string[];
  /** Display column where each cell starts (aligned layouts only). */
  cols?: number[];
  /** 1-based source line. */
  line: number;
}

/**
 * How a layout's indicator rows are read:
 * - `grid`: rows are table rows, cells sit in the header's columns (merged cells blank);
 * - `stream`: rows are text lines holding fragments of cells broken over lines (PDF text);
 * - `aligned`: rows are text lines whose cells are placed by display column (pdftotext -layout).
 */
export type RowReader = 'grid' | 'stream' | 'aligned';

/** A layout family: how to recognise it and how to turn its text into rows. */
export interface Layout {
  id: string;
  reader: RowReader;
  /** Confidence that `lines` are in this layout; the highest score wins. */
  detect(lines: string[]): number;
  rows(text: string): Row[];
}

/** Splits text into lines, accepting \r\n and \r. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}
