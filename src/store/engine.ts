import type { Db } from '../db';
import { openBrowserDb } from '../db/browser';
import { type DocumentRow, documentsQuery } from '../db/queries';
import { store } from './store';

let dbPromise: Promise<Db> | undefined;
let chain: Promise<unknown> = Promise.resolve();

/** Merges `patch` into the engine's start-up state. */
export function setEngine(patch: Partial<ReturnType<typeof store.getState>['engine']>) {
  store.setState((s) => ({ engine: { ...s.engine, ...patch } }));
}

let crashHandler: ((reason: string) => void) | undefined;

/** Who restarts the engine when it crashes (`actions.ts`; kept out of this module to avoid a cycle). */
export function onEngineCrash(handler: (reason: string) => void): void {
  crashHandler = handler;
}

/** The app's database, started once (memoised); progress goes to `engine`, a crash to the crash handler. */
export function getAppDb(): Promise<Db> {
  dbPromise ??= openBrowserDb({
    onProgress: (p) => setEngine({ status: 'starting', progress: p.total > 0 ? p.loaded / p.total : null }),
    onCrash: (reason) => crashHandler?.(reason),
  });
  return dbPromise;
}

/** Forgets the database (the next `getAppDb` starts a new engine) and closes the old one in the background. */
export function dropAppDb(): void {
  const old = dbPromise;
  dbPromise = undefined;
  // A change waiting on the old engine would hold up every later one.
  chain = Promise.resolve();
  // Not awaited: the old worker may be busy with the very query being cancelled.
  old?.then((db) => db.close()).catch(() => undefined);
}

/** Re-reads the documents list and tells every query to refresh. */
export async function refreshDocuments(): Promise<void> {
  const db = await getAppDb();
  const documents = await db.query<DocumentRow>(documentsQuery());
  store.setState((s) => ({ documents, dataVersion: s.dataVersion + 1 }));
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The engine ran out of memory: DuckDB's own "Out of Memory Error" (its memory limit), or the
 * WebAssembly heap that cannot grow past the browser's 4 GB.
 */
export function isOutOfMemory(message: string): boolean {
  return /out of memory|Aborted\(OOM\)|Cannot enlarge memory|Memory\.grow|Maximum memory size exceeded/i.test(message);
}

/**
 * Runs changes of the data one at a time: the start-up load with its rules, imports, removals and
 * reloads never interleave (an import dropped while rules are being installed waits for them).
 */
export function exclusive<T>(change: () => Promise<T>): Promise<T> {
  const run = chain.then(change, change);
  chain = run.catch(() => undefined);
  return run;
}
