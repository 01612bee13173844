import type { ExtractOptions } from '../extract';
import type { StoredInfo } from '../storage/library';
import { watchLifeLock, workerName } from './life-lock';
import type { FileOutcome, ImportFile, RecordBatch, WorkerRequest, WorkerResponse } from './protocol';

let nextId = 1;

/** Progress of an import: files finished, of how many, and the one being read. */
export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
}

/**
 * Runs one request in a fresh Web Worker, so the page stays responsive, and terminates it
 * afterwards. `onMessage` sees every message; the first value it returns settles the promise,
 * which rejects if the worker fails.
 */
function runInWorker<T>(
  request: WorkerRequest,
  onMessage: (response: WorkerResponse) => T | undefined,
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(new ImportCancelled());
  // The name is also the worker's liveness lock (see parse.worker.ts).
  const name = workerName('import');
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name });
  let settled = false;
  let unanswered: ReturnType<typeof setTimeout> | undefined;
  return new Promise<T>((resolve, reject) => {
    // Cancelling ends the worker (below); whatever it had read is dropped.
    signal?.addEventListener('abort', () => reject(new ImportCancelled()));
    // A worker that dies before it holds its lock is caught by its silence instead.
    unanswered = setTimeout(() => reject(new Error(WORKER_DIED)), ALIVE_TIMEOUT_MS);
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      if (response.id !== request.id) return;
      clearTimeout(unanswered);
      if (response.type === 'failed') return reject(new Error(response.error));
      if (response.type === 'alive') {
        // Once the worker is gone; by then a finished request has settled.
        watchLifeLock(name, () => {
          if (!settled) reject(new Error(WORKER_DIED));
        });
        return;
      }
      const value = onMessage(response);
      if (value !== undefined) resolve(value);
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'import worker failed')));
    worker.addEventListener('messageerror', () => reject(new Error('import worker sent an unreadable message')));
    // Copied, not transferred: the page keeps the bytes to store the original files.
    worker.postMessage(request);
  }).finally(() => {
    settled = true;
    clearTimeout(unanswered);
    worker.terminate();
  });
}

/** The user cancelled the import while its files were being read; nothing was stored. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor() {
    super('the import was cancelled');
  }
}

/** How long a new worker may take to load and say it is alive. */
const ALIVE_TIMEOUT_MS = 30_000;

/** Why an import failed when its worker ended without answering (closed, crashed, out of memory). */
export const WORKER_DIED = 'the import worker stopped unexpectedly (ended by the browser, e.g. when memory ran short)';

/**
 * Extracts and parses `files` in a Web Worker, reporting progress.
 * @returns one outcome per file, in the same order, and the documents read as Arrow IPC.
 */
export function importInWorker(
  files: ImportFile[],
  options: ExtractOptions,
  onProgress: (p: ImportProgress) => void = () => undefined,
  signal?: AbortSignal,
): Promise<{ outcomes: FileOutcome[]; batch: RecordBatch }> {
  const outcomes: FileOutcome[] = [];
  const total = files.length;
  return runInWorker(
    { id: nextId++, type: 'import', files, options },
    (response) => {
      if (response.type === 'started') onProgress({ done: response.index, total, current: response.name });
      else if (response.type === 'file') {
        outcomes[response.index] = response.outcome;
        onProgress({ done: response.index + 1, total, current: null });
      } else if (response.type === 'done') return { outcomes, batch: response.batch };
      return undefined;
    },
    signal,
  );
}

/**
 * The documents kept in the browser's IndexedDB, read and turned into Arrow IPC in a Web Worker;
 * damaged ones are read again from their original files (`options` for that) or left out.
 */
export function storedInWorker(options: ExtractOptions): Promise<{
  batch: RecordBatch;
  stored: StoredInfo[];
  recovered: string[];
  skipped: { docId: string; fileName: string }[];
}> {
  return runInWorker({ id: nextId++, type: 'stored', options }, (response) => {
    if (response.type !== 'stored') return undefined;
    const { batch, stored, recovered, skipped } = response;
    return { batch, stored, recovered, skipped };
  });
}
