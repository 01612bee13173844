/** Every layout family a document can be rendered in (the parser reads each of them). */
export const RENDER_LAYOUTS = ['tsv', 'word', 'pdf-text', 'markdown', 'html', 'aligned'] as const;

/** A layout family: tab-separated rows, Word extraction, PDF text, Markdown, HTML or pdftotext -layout. */
export type RenderLayout = (typeof RENDER_LAYOUTS)[number];

/** True when `name` is one of {@link RENDER_LAYOUTS}. */
export function isRenderLayout(name: string): name is RenderLayout {
  return (RENDER_LAYOUTS as readonly string[]).includes(name);
}

/**
 * How a PDF-text rendering may split an indicator row across a page break:
 * `sample` only where data/001 does (a 二级指标 label broken over two lines, the other cells on one line),
 * `any` wherever the row has more than one visual line, `never` not at all.
 */
export type RowSplit = 'sample' | 'any' | 'never';

/** Options of {@link renderDocument}. */
export interface RenderOptions {
  /**
   * Seed for the random choices of the PDF-text and aligned renderers (column widths, page length,
   * where level-1 labels float). Without it, the widths of data/001 and a fixed page length are used.
   */
  seed?: number;
  /** Print the title page ("<部门> / <年> 年部门预算绩效文本 / (草案)"); default true when department and year are known. */
  titlePage?: boolean;
  /** Print a table of contents after the title page; default false. */
  toc?: boolean;
  /** PDF text only: which indicator rows a page break may split; default `sample`. */
  rowSplit?: RowSplit;
  /** PDF text only: put spaces between digits and Chinese characters, as PDF extraction does; default true. */
  digitSpaces?: boolean;
}
