import type { ExtractErrorCode, SourceKind } from './types';

/** What the bytes of a file are: a kind we read, or the error to raise. */
export type Sniffed = { kind: SourceKind } | { error: ExtractErrorCode; message: string };

const ZIP = [0x50, 0x4b];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Magic numbers of formats that are certainly not a document's text. */
const BINARY_MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'TIFF image', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'RIFF container (WebP, AVI, WAV)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: 'executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

/** The first bytes of each format its extension names: a file that holds only some of them was cut short. */
const EXTENSION_MAGIC: Record<string, number[]> = {
  docx: [0x50, 0x4b, 0x03, 0x04],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
  pdf: PDF,
  xls: OLE,
};

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * True when the bytes hold `text` (ASCII names in a ZIP's headers, UTF-16LE names in an OLE directory).
 * A scan for names, not a reader: the libraries read the files.
 */
function holds(bytes: Uint8Array, text: string, encoding: 'latin1' | 'utf-16le'): boolean {
  return new TextDecoder(encoding).decode(bytes).includes(text);
}

const MB = 1 << 20;

/** A ZIP names its parts in local headers (the first ones near the start) and in the directory at its end. */
function zipHolds(bytes: Uint8Array, name: string): boolean {
  if (bytes.length <= 2 * MB) return holds(bytes, name, 'latin1');
  return holds(bytes.subarray(0, MB), name, 'latin1') || holds(bytes.subarray(bytes.length - MB), name, 'latin1');
}

/** A PDF may have a few bytes of junk before `%PDF-` (the spec allows it within the first 1024). */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + PDF.length <= head.length; i++) if (startsWith(head, PDF, i)) return true;
  return false;
}

/**
 * True when the bytes are not text: a NUL (outside UTF-16 with a BOM), or more than 2% control characters
 * other than tab, newline, carriage return and form feed, in the first 64 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return control > head.length * 0.02;
}

function textKind(name: string, bytes: Uint8Array): SourceKind {
  const ext = extension(name);
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  return /^(?:<!doctype html|<html|<table|<meta)/.test(head) ? 'html' : 'text';
}

/**
 * Tells what a file is by its content first (magic bytes, the part names inside a ZIP or OLE file) and
 * its extension second.
 */
export function sniff(name: string, bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { error: 'empty', message: 'the file has no bytes' };
  const ext = extension(name);
  const magic = EXTENSION_MAGIC[ext];
  if (magic && bytes.length < magic.length && startsWith(Uint8Array.from(magic), [...bytes]))
    return { error: 'corrupt', message: `the file is cut short: ${bytes.length} bytes, not a whole .${ext} file` };
  if (startsWith(bytes, ZIP)) {
    if (zipHolds(bytes, 'word/document')) return { kind: 'docx' };
    if (zipHolds(bytes, 'xl/workbook')) return { kind: 'xlsx' };
    if (ext === 'docx' || ext === 'xlsx') return { kind: ext };
    return {
      error: 'unsupported',
      message: 'a ZIP archive that is neither a Word (.docx) nor an Excel (.xlsx) file; save it as .docx or .xlsx',
    };
  }
  if (isPdf(bytes)) return { kind: 'pdf' };
  if (startsWith(bytes, OLE)) {
    // Directory entry names are NUL-terminated; a .doc may embed a workbook, so Word is asked first.
    const stream = (s: string) => holds(bytes, `${s}\u0000`, 'utf-16le');
    if (stream('EncryptionInfo'))
      return { error: 'encrypted', message: 'a password-protected Office file; remove the password and save it again' };
    if (stream('WordDocument'))
      return { error: 'unsupported', message: 'a legacy Word 97-2003 (.doc) file; save it as .docx in Word or WPS' };
    if (stream('Workbook') || stream('Book')) return { kind: 'xls' };
    if (ext === 'xls') return { kind: 'xls' };
    return { error: 'unsupported', message: 'an OLE compound file that is not an Excel 97-2003 (.xls) workbook' };
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66]))
    // {\rtf
    return { error: 'unsupported', message: 'a Rich Text (.rtf) file; save it as .docx' };
  const known = BINARY_MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (known) return { error: 'binary', message: `a ${known.name}, not a document` };
  if (looksBinary(bytes)) return { error: 'binary', message: 'binary data, not text' };
  return { kind: textKind(name, bytes) };
}

/**
 * The kind of a file by its content first (`PK` ZIP with word/document → docx, xl/workbook → xlsx;
 * `%PDF` → pdf; OLE with a Workbook stream → xls) and its extension second; null when it cannot be
 * read (empty, encrypted, a legacy .doc, binary data).
 * @param name file name, for the extension
 */
export function sourceKindOf(name: string, bytes: Uint8Array): SourceKind | null {
  const s = sniff(name, bytes);
  return 'kind' in s ? s.kind : null;
}
