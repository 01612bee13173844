import type { SourceFile } from '../data';
import type { ParseResult } from '../parse';
import type { ParseRequest, ParseResponse } from './protocol';

let nextId = 1;

/**
 * Parses `files` in a fresh Web Worker, so the page stays responsive, and terminates it afterwards.
 * @returns one `ParseResult` per file, in the same order; rejects if the worker fails.
 */
export function parseInWorker(files: SourceFile[]): Promise<ParseResult[]> {
  const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' });
  const id = nextId++;
  return new Promise<ParseResult[]>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<ParseResponse>) => {
      const response = event.data;
      if (response.id !== id) return;
      if (response.ok) resolve(response.results);
      else reject(new Error(response.error));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'parse worker failed to load')));
    worker.addEventListener('messageerror', () => reject(new Error('parse worker sent an unreadable message')));
    const request: ParseRequest = { id, files };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
