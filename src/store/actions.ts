import { decodeText, fetchDataset, type SourceFile } from '../data';
import { type Db, loadDataset, replaceDocuments } from '../db';
import { openBrowserDb } from '../db/browser';
import { type DocumentRow, documentsQuery } from '../db/queries';
import type { Locale } from '../i18n';
import { installRules } from '../rules';
import { parseInWorker } from '../worker';
import { store } from './store';

let dbPromise: Promise<Db> | undefined;

function setEngine(patch: Partial<ReturnType<typeof store.getState>['engine']>) {
  store.setState((s) => ({ engine: { ...s.engine, ...patch } }));
}

/** The app's database, started once (memoised); progress goes to `engine`. */
export function getAppDb(): Promise<Db> {
  dbPromise ??= openBrowserDb((p) =>
    setEngine({ status: 'starting', progress: p.total > 0 ? p.loaded / p.total : null }),
  );
  return dbPromise;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Re-reads the documents list and tells every query to refresh. */
export async function refreshDocuments(): Promise<void> {
  const db = await getAppDb();
  const documents = await db.query<DocumentRow>(documentsQuery());
  store.setState((s) => ({ documents, dataVersion: s.dataVersion + 1 }));
}

/** Starts the engine and loads the embedded dataset (Arrow IPC files written by `npm run ingest`). */
export async function startApp(baseUrl: string = document.baseURI): Promise<void> {
  try {
    setEngine({ status: 'starting', progress: null, error: null });
    const [db, dataset] = await Promise.all([getAppDb(), fetchDataset(baseUrl)]);
    setEngine({ status: 'loading', progress: null });
    await loadDataset(db, dataset.tables);
    await installRules(db);
    await refreshDocuments();
    setEngine({ status: 'ready', progress: 1 });
  } catch (err) {
    setEngine({ status: 'error', error: message(err) });
  }
}

/**
 * Parses text documents in the parse worker and adds them to the database; a document with the
 * same file name replaces the one loaded before.
 */
export async function importFiles(files: readonly File[]): Promise<void> {
  store.setState((s) => ({
    importing: { status: 'parsing', files: files.length, error: null, added: 0, runs: s.importing.runs + 1 },
  }));
  try {
    const sources: SourceFile[] = await Promise.all(
      files.map(async (f) => ({ name: f.name, text: decodeText(new Uint8Array(await f.arrayBuffer())) })),
    );
    const results = await parseInWorker(sources);
    store.setState((s) => ({ importing: { ...s.importing, status: 'loading' } }));
    await replaceDocuments(await getAppDb(), results);
    await refreshDocuments();
    store.setState((s) => ({ importing: { ...s.importing, status: 'done', added: results.length } }));
  } catch (err) {
    store.setState((s) => ({ importing: { ...s.importing, status: 'error', error: message(err) } }));
  }
}

/** Switches the UI language. */
export function setLocale(locale: Locale): void {
  store.setState({ locale });
}
