import { decodeText } from '../data/decode';
import { extractDocx } from './docx';
import { extractPdf } from './pdf';
import { extractSheets } from './sheet';
import { sniff } from './sniff';
import { ExtractError, type Extraction, type ExtractOptions, type SourceKind } from './types';

/** Plain text, HTML or Markdown: decoded as UTF-8, UTF-16 (BOM) or GB18030, and passed on as is. */
function extractText(kind: SourceKind, bytes: Uint8Array): Extraction {
  const text = decodeText(bytes);
  const notes: string[] = [];
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      notes.push('文件不是 UTF-8 编码，已按 GB18030（GBK）读取');
    }
  }
  return { kind, text, notes };
}

/**
 * Reads a file's bytes into the text `parseDocument` reads: text files as they are (UTF-8, UTF-16 or
 * GB18030), Word (.docx) and Excel (.xlsx, .xls) as HTML tables with their merged cells, PDFs as
 * column-aligned lines with the page of each line. The format is told by content first, extension
 * second. Libraries are loaded on first use (pdf.js only for PDFs). Runs in a Web Worker and in Node.
 * Throws only {@link ExtractError}: `empty`, `encrypted`, `corrupt`, `unsupported` or `binary`.
 * Unrelated text is not an error: the parser then finds no tables.
 * @param name the file name (for the extension and messages)
 */
export async function extractDocument(
  name: string,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<Extraction> {
  let kind: SourceKind | undefined;
  let out: Extraction;
  try {
    const sniffed = sniff(name, bytes);
    if ('error' in sniffed) throw new ExtractError(sniffed.error, sniffed.message);
    kind = sniffed.kind;
    switch (kind) {
      case 'docx':
        out = await extractDocx(bytes);
        break;
      case 'xlsx':
      case 'xls':
        out = await extractSheets(bytes, kind);
        break;
      case 'pdf':
        out = await extractPdf(bytes, options);
        break;
      default:
        out = extractText(kind, bytes);
    }
  } catch (e) {
    if (e instanceof ExtractError) throw new ExtractError(e.code, `${name}: ${e.message}`, { cause: e.cause });
    const detail = e instanceof Error ? e.message : String(e);
    throw new ExtractError('corrupt', `${name}: cannot read this ${kind ? `${kind} ` : ''}file (${detail})`, {
      cause: e,
    });
  }
  // (`[^<>]`: a tag never spans another `<`, which keeps this linear on text full of unclosed `<`.)
  if (out.text.replace(/<[^<>]*>/g, '').trim() === '') throw new ExtractError('empty', `${name}: the file has no text`);
  return out;
}
