import type { Extraction } from './types';

/** Block-level end tags after which a line break keeps the HTML readable and its line numbers useful. */
const BLOCK_END = /(<\/(?:p|h[1-6]|li|tr|table|ul|ol)>)/g;

/**
 * A Word document as HTML through mammoth: tables keep their structure (merged cells as colspan and
 * rowspan), paragraphs and headings outside tables stay paragraphs, images are left out.
 * mammoth needs no DOM; in the browser its package `browser` field swaps in a zip opener that takes an
 * ArrayBuffer (Node's takes `buffer`), so both are passed.
 */
export async function extractDocx(bytes: Uint8Array): Promise<Extraction> {
  const mammoth = (await import('mammoth')).default;
  const arrayBuffer = bytes.slice().buffer;
  let images = 0;
  const result = await mammoth.convertToHtml({ arrayBuffer, buffer: arrayBuffer } as { arrayBuffer: ArrayBuffer }, {
    convertImage: mammoth.images.imgElement(async () => {
      images++;
      return { src: '' };
    }),
  });
  const notes = images > 0 ? [`文档中的${images}张图片已忽略`] : [];
  const text = result.value.replace(/<img[^>]*>/g, '').replace(BLOCK_END, '$1\n');
  return { kind: 'docx', text, notes };
}
