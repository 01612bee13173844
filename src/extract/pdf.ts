/// <reference path="./pdfjs-worker.d.ts" />
import { type LaidOut, layoutPages, type PagePieces, type Piece } from './pdf-layout';
import { ExtractError, type Extraction, type ExtractOptions } from './types';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * pdf.js (legacy build, for Node and older browsers alike) with its worker code running in this thread:
 * a Web Worker cannot start another one, and this way no worker script is fetched. Importing
 * pdf.worker.mjs defines `globalThis.pdfjsWorker`, which pdf.js then uses as its "fake worker".
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })().catch((e: unknown) => {
    pdfjsPromise = undefined;
    throw e;
  });
  return pdfjsPromise;
}

/** Node.js, where pdf.js reads CMap and font files from disk (the test that pdf.js makes). */
function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** pdf.js wants folder URLs with a trailing slash. */
function folder(url: string | undefined): string | undefined {
  return url === undefined || url.endsWith('/') ? url : `${url}/`;
}

/** pdf.js errors by name (its exception classes are not all exported). */
function openError(e: unknown): ExtractError {
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException')
    return new ExtractError('encrypted', `the PDF is password-protected: ${message}`, { cause: e });
  return new ExtractError('corrupt', `not a readable PDF (${name || 'error'}: ${message})`, { cause: e });
}

/**
 * A PDF's text layer as column-aligned lines (see pdf-layout.ts), with the page of each line.
 * Scanned pages (no text) and rotated text are skipped with a note; a PDF without any text is
 * `unsupported` (no OCR).
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes.slice(), // pdf.js may transfer (detach) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: folder(options.pdf?.cMapUrl),
    cMapPacked: true,
    standardFontDataUrl: folder(options.pdf?.standardFontDataUrl),
    // In Node pdf.js reads the files itself. Elsewhere its worker code (in this thread) must `fetch` them:
    // the main-thread loader reads `document.baseURI`, and a Web Worker has no document.
    useWorkerFetch: !isNode(),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    throw openError(e);
  }
  const notes: string[] = [];
  const pages: PagePieces[] = [];
  const blank: number[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      let rotated = 0;
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        // Viewport space: y grows downwards and the page's /Rotate is applied.
        const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        if (Math.abs(b ?? 0) > 0.01 * Math.abs(a ?? 0) || (a ?? 0) <= 0) {
          rotated++;
          continue;
        }
        pieces.push({ str: item.str, x: x ?? 0, y: y ?? 0, width: item.width, size: Math.hypot(c ?? 0, d ?? 0) });
      }
      if (pieces.length === 0) blank.push(n);
      if (rotated > 0) notes.push(`第${n}页有${rotated}段竖排或旋转的文字，已跳过`);
      pages.push({ page: n, width: viewport.width, pieces });
      page.cleanup();
    }
  } catch (e) {
    throw openError(e);
  } finally {
    await doc.destroy();
  }
  if (blank.length === pages.length) {
    // Without its CMap files pdf.js reads no text from fonts that use a predefined CMap (not embedded).
    const cmaps = options.pdf?.cMapUrl ? '' : ' (or its fonts need pdf.js CMap files: options.pdf.cMapUrl is not set)';
    throw new ExtractError(
      'unsupported',
      `the PDF has no text layer${cmaps}: a scanned document? OCR is not supported`,
    );
  }
  if (blank.length > 0) notes.push(`第${blank.join('、')}页没有文字层（可能是扫描图片），已跳过`);
  const laid: LaidOut = layoutPages(pages);
  return { kind: 'pdf', text: laid.lines.join('\n'), pages: laid.pages, notes };
}
