import type { TableName } from '../db';
import type { ExtractErrorCode, ExtractOptions, SourceKind } from '../extract';
import type { ParseResult } from '../parse';
import type { StoredInfo } from '../storage/library';

/** A file handed to the import worker: its name (folders stripped) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * Messages the page posts to the worker: read files (`import`), or turn the documents kept in
 * IndexedDB into Arrow IPC (`stored`), so neither the parsing nor the Arrow encoding runs on the page.
 */
export type WorkerRequest =
  | { id: number; type: 'import'; files: ImportFile[]; options: ExtractOptions }
  | { id: number; type: 'stored'; options: ExtractOptions };

/** Why a file could not be imported: an extraction failure, a document without tables, or a bug. */
export type ImportErrorCode = ExtractErrorCode | 'no-tables' | 'internal';

/** What became of one file. */
export type FileOutcome =
  | {
      ok: true;
      name: string;
      kind: SourceKind;
      size: number;
      result: ParseResult;
      /** PDFs: 1-based page of each line of the extracted text, for locating diagnostics. */
      pages?: number[];
      /** What the extractor skipped or guessed. */
      notes: string[];
      ms: number;
    }
  | { ok: false; name: string; kind: SourceKind | null; size: number; code: ImportErrorCode; detail: string };

/** Documents as Arrow IPC, one stream per table, ready for `replaceRecords`. */
export interface RecordBatch {
  docIds: string[];
  ipc: Record<TableName, Uint8Array>;
}

/**
 * Messages the worker posts back. For `import`: one `started` and one `file` per file, in order,
 * then `done` with the documents read (the last file of a document id wins). For `stored`: `stored`.
 * Either starts with `alive`, once the worker holds its liveness lock.
 */
export type WorkerResponse =
  | { id: number; type: 'started'; index: number; name: string }
  | { id: number; type: 'file'; index: number; outcome: FileOutcome }
  | { id: number; type: 'done'; batch: RecordBatch }
  | { id: number; type: 'alive' }
  | {
      id: number;
      type: 'stored';
      batch: RecordBatch;
      stored: StoredInfo[];
      /** File names of damaged stored documents read again from their original files. */
      recovered: string[];
      /** Damaged stored documents that could not be read at all (left in storage). */
      skipped: { docId: string; fileName: string }[];
    }
  | { id: number; type: 'failed'; error: string };
