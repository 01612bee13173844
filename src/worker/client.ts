import type { ExtractOptions } from '../extract';
import type { StoredInfo } from '../storage/library';
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
function runInWorker<T>(request: WorkerRequest, onMessage: (response: WorkerResponse) => T | undefined): Promise<T> {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  return new Promise<T>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      if (response.id !== request.id) return;
      if (response.type === 'failed') return reject(new Error(response.error));
      const value = onMessage(response);
      if (value !== undefined) resolve(value);
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'import worker failed')));
    worker.addEventListener('messageerror', () => reject(new Error('import worker sent an unreadable message')));
    // Copied, not transferred: the page keeps the bytes to store the original files.
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}

/**
 * Extracts and parses `files` in a Web Worker, reporting progress.
 * @returns one outcome per file, in the same order, and the documents read as Arrow IPC.
 */
export function importInWorker(
  files: ImportFile[],
  options: ExtractOptions,
  onProgress: (p: ImportProgress) => void = () => undefined,
): Promise<{ outcomes: FileOutcome[]; batch: RecordBatch }> {
  const outcomes: FileOutcome[] = [];
  const total = files.length;
  return runInWorker({ id: nextId++, type: 'import', files, options }, (response) => {
    if (response.type === 'started') onProgress({ done: response.index, total, current: response.name });
    else if (response.type === 'file') {
      outcomes[response.index] = response.outcome;
      onProgress({ done: response.index + 1, total, current: null });
    } else if (response.type === 'done') return { outcomes, batch: response.batch };
    return undefined;
  });
}

/** The documents kept in the browser's IndexedDB, read and turned into Arrow IPC in a Web Worker. */
export function storedInWorker(): Promise<{ batch: RecordBatch; stored: StoredInfo[] }> {
  return runInWorker({ id: nextId++, type: 'stored' }, (response) =>
    response.type === 'stored' ? { batch: response.batch, stored: response.stored } : undefined,
  );
}
