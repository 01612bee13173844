/**
 * DuckDB-WASM's own worker, started from a module worker of ours so that it can hold a Web Lock for
 * as long as it lives. A worker that dies (closed, crashed, killed) releases its locks, and the page
 * waiting for the same lock learns of it at once; nothing else tells a page that its worker is gone.
 * The lock's name is the worker's name, chosen by the page (see `openBrowserDb`).
 */
import engineScript from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { holdLifeLock } from '../worker/life-lock';

// Messages that arrive before DuckDB's script has set `onmessage` are held and handed over after.
const early: MessageEvent[] = [];
const hold = (event: MessageEvent) => early.push(event);
self.addEventListener('message', hold);
// The lock is held before the engine answers anything, so the page's request for it (made after the
// first answer) cannot be granted while this worker lives.
await holdLifeLock();
// Said as a LOG message, which DuckDB's side of the worker protocol hands to its logger (a no-op):
// any other message would be an "unassociated response" to it.
self.postMessage({ type: 'LOG', data: { lifeLock: self.name } });
// DuckDB's script is loaded as is (a bundler drops it as free of side effects) and sets `onmessage`.
await import(/* @vite-ignore */ engineScript);
self.removeEventListener('message', hold);
for (const event of early) self.onmessage?.(event);
