/** What a file was read as: plain text (UTF-8, UTF-16 or GB18030), HTML, Markdown, Word, Excel or PDF. */
export type SourceKind = 'text' | 'html' | 'markdown' | 'docx' | 'xlsx' | 'xls' | 'pdf';

/** The text of one file, ready for `parseDocument`, with what was skipped or guessed on the way. */
export interface Extraction {
  kind: SourceKind;
  /** What `parseDocument()` gets: the file's own text, HTML tables (Word, Excel) or column-aligned lines (PDF). */
  text: string;
  /** PDFs only: the 1-based page of each line of `text` (index = line − 1), so a diagnostic can say 第N页. */
  pages?: number[];
  /** Anything the extractor skipped or guessed, in Chinese, short (e.g. “第3页没有文字层”). */
  notes: string[];
}

/**
 * Why a file could not be read: `empty` (no bytes or only whitespace), `encrypted` (password-protected),
 * `corrupt` (damaged, or a library failed on it), `unsupported` (a known format we do not read, e.g. .doc,
 * a scanned PDF), `binary` (not text at all, e.g. an image).
 */
export type ExtractErrorCode = 'empty' | 'encrypted' | 'corrupt' | 'unsupported' | 'binary';

/** The only error {@link extractDocument} throws; `message` is an English detail, `code` says which case. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `e` is an {@link ExtractError}. */
export function isExtractError(e: unknown): e is ExtractError {
  return e instanceof ExtractError;
}

/**
 * Options of {@link extractDocument}. `pdf.cMapUrl`, the folder of pdf.js's packed `*.bcmap` files, lets
 * PDFs whose Chinese fonts use a predefined CMap (not embedded, e.g. STSong-Light) be read: without it
 * their text is lost. `pdf.standardFontDataUrl` is the folder of the 14 standard fonts. In the browser
 * both are served by the app and must be absolute URLs (a Web Worker resolves relative ones against
 * its own script); in Node they are paths. A missing trailing `/` is added.
 */
export interface ExtractOptions {
  pdf?: { cMapUrl?: string; standardFontDataUrl?: string };
}
