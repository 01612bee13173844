import { docIdOf, type Records, recordsOrNull, type TableName, toArrowIPC, toRecords } from '../db';
import { ExtractError, extractDocument, type SourceKind, sourceKindOf } from '../extract';
import { type ParseResult, parseDocument } from '../parse';
import { Library, type StoredDocument, type StoredInfo, storedInfo } from '../storage/library';
import { holdLifeLock } from './life-lock';
import type { FileOutcome, ImportFile, RecordBatch, WorkerRequest, WorkerResponse } from './protocol';

/** Reads one file: extracts its text, parses it, and says plainly what went wrong if anything did. */
async function readFile(file: ImportFile, options: Parameters<typeof extractDocument>[2]): Promise<FileOutcome> {
  const bytes = new Uint8Array(file.bytes);
  const size = bytes.byteLength;
  const started = performance.now();
  let kind: SourceKind | null = null;
  try {
    kind = sourceKindOf(file.name, bytes);
    const extraction = await extractDocument(file.name, bytes, options);
    const result = parseDocument(extraction.text, file.name);
    if (result.document.projects.length === 0)
      return { ok: false, name: file.name, kind: extraction.kind, size, code: 'no-tables', detail: '' };
    return {
      ok: true,
      name: file.name,
      kind: extraction.kind,
      size,
      result,
      pages: extraction.pages,
      notes: extraction.notes,
      ms: performance.now() - started,
    };
  } catch (error) {
    if (error instanceof ExtractError)
      return { ok: false, name: file.name, kind, size, code: error.code, detail: error.message };
    // The parser does not throw on bad input; anything here is a bug, reported instead of killing the import.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, name: file.name, kind, size, code: 'internal', detail };
  }
}

/** The documents as Arrow IPC; of several results with one document id the last wins. */
function batchOf(results: readonly ParseResult[]): RecordBatch {
  const byId = new Map(results.map((r) => [docIdOf(r.document.file), r]));
  return { docIds: [...byId.keys()], ipc: toArrowIPC(toRecords([...byId.values()])) };
}

/**
 * The documents kept in IndexedDB, read back as one batch. Each stored parse result is flattened
 * once, which also checks it (`recordsOrNull`). A damaged one is read again from the document's
 * original file, also kept, and stored repaired; one whose original is unreadable too is left in
 * storage untouched and out of the batch.
 */
async function readStored(
  library: Library,
  options: Parameters<typeof extractDocument>[2],
): Promise<{
  batch: RecordBatch;
  stored: StoredInfo[];
  recovered: string[];
  skipped: { docId: string; fileName: string }[];
}> {
  const records = toRecords([]);
  const docIds: string[] = [];
  const stored: StoredInfo[] = [];
  const recovered: string[] = [];
  const skipped: { docId: string; fileName: string }[] = [];
  const add = (rows: Records) => {
    docIds.push(String(rows.documents[0]?.doc_id));
    // Row by row: a spread of a large document's rows would overflow the call stack.
    for (const table of Object.keys(records) as TableName[]) for (const row of rows[table]) records[table].push(row);
  };
  for (const d of await library.documents()) {
    const info = storedInfo(d);
    const name = typeof info.fileName === 'string' ? info.fileName : String(info.docId);
    stored.push({ ...info, fileName: name });
    const rows = recordsOrNull(d.result);
    if (rows) {
      add(rows);
      continue;
    }
    const source = await library.source(d.docId).catch(() => undefined);
    const outcome =
      source?.bytes instanceof Uint8Array
        ? await readFile({ name, bytes: source.bytes.slice().buffer }, options)
        : null;
    const repairedRows = outcome?.ok ? recordsOrNull(outcome.result) : null;
    if (outcome?.ok && repairedRows) {
      const repaired: StoredDocument = { ...d, fileName: name, kind: outcome.kind, result: outcome.result };
      await library.save([repaired], []).catch(() => undefined);
      add(repairedRows);
      recovered.push(name);
    } else skipped.push({ docId: String(d.docId), fileName: name });
  }
  return { batch: { docIds, ipc: toArrowIPC(records) }, stored, recovered, skipped };
}

function post(response: WorkerResponse): void {
  const buffers = 'batch' in response ? Object.values(response.batch.ipc).map((b) => b.buffer) : [];
  self.postMessage(response, { transfer: buffers });
}

// Held until this worker ends, however it ends: the page asks for the same lock to learn that.
const lifeLock = holdLifeLock();

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    await lifeLock;
    post({ id, type: 'alive' });
    if (request.type === 'stored') {
      const library = await Library.open();
      try {
        post({ id, type: 'stored', ...(await readStored(library, request.options)) });
      } finally {
        library.close();
      }
      return;
    }
    const results: ParseResult[] = [];
    for (const [index, file] of request.files.entries()) {
      post({ id, type: 'started', index, name: file.name });
      const outcome = await readFile(file, request.options);
      if (outcome.ok) results.push(outcome.result);
      post({ id, type: 'file', index, outcome });
      // A macrotask between files: messages (and a debugger, or the browser ending the worker) get a turn.
      await new Promise((next) => setTimeout(next, 0));
    }
    post({ id, type: 'done', batch: batchOf(results) });
  } catch (error) {
    post({ id, type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
});
