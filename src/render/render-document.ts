import type { TargetDocument } from '../parse/types';
import { renderAligned } from './layouts/aligned';
import { renderHtml } from './layouts/html';
import { renderMarkdown } from './layouts/markdown';
import { renderPdfText } from './layouts/pdf-text';
import { renderTsv } from './layouts/tsv';
import { renderWord } from './layouts/word';
import { type TableModel, tableModel } from './model';
import { isRenderLayout, type RenderLayout, type RenderOptions } from './types';

type Renderer = (doc: TargetDocument, tables: TableModel[], opts: RenderOptions) => string;

const RENDERERS: Record<RenderLayout, Renderer> = {
  tsv: renderTsv,
  word: renderWord,
  'pdf-text': renderPdfText,
  markdown: renderMarkdown,
  html: renderHtml,
  aligned: renderAligned,
};

/**
 * Writes a parsed document back out as a complete 部门预算绩效文本 in one layout family: title page,
 * Part 1 (部门整体绩效目标) and one 绩效目标表 per project, imitating the sample extractions.
 * Deterministic for given options; `opts.seed` varies the PDF-text and aligned renderings.
 * @param doc the document to write (typically `parseDocument(...).document`)
 * @param layout one of RENDER_LAYOUTS
 */
export function renderDocument(doc: TargetDocument, layout: RenderLayout, opts: RenderOptions = {}): string {
  if (!isRenderLayout(layout)) throw new Error(`invalid layout: ${String(layout)}`);
  if (opts.seed !== undefined && !Number.isFinite(opts.seed)) throw new Error(`invalid seed: ${opts.seed}`);
  return RENDERERS[layout](doc, doc.projects.map(tableModel), opts);
}
