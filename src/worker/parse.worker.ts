import { docIdOf, toArrowIPC, toRecords } from '../db';
import { ExtractError, extractDocument, type SourceKind, sourceKindOf } from '../extract';
import { type ParseResult, parseDocument } from '../parse';
import { Library, storedInfo } from '../storage/library';
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

function post(response: WorkerResponse): void {
  const buffers = 'batch' in response ? Object.values(response.batch.ipc).map((b) => b.buffer) : [];
  self.postMessage(response, { transfer: buffers });
}

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.type === 'stored') {
      const library = await Library.open();
      const documents = await library.documents();
      library.close();
      post({ id, type: 'stored', batch: batchOf(documents.map((d) => d.result)), stored: documents.map(storedInfo) });
      return;
    }
    const results: ParseResult[] = [];
    for (const [index, file] of request.files.entries()) {
      post({ id, type: 'started', index, name: file.name });
      const outcome = await readFile(file, request.options);
      if (outcome.ok) results.push(outcome.result);
      post({ id, type: 'file', index, outcome });
    }
    post({ id, type: 'done', batch: batchOf(results) });
  } catch (error) {
    post({ id, type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
});
