import { decodeText, fetchDataset, fetchFamilies, fetchSummary, type SourceFile } from '../data';
import { type Db, loadDataset, replaceDocuments } from '../db';
import { openBrowserDb } from '../db/browser';
import { type DocumentRow, documentsQuery } from '../db/queries';
import { literal } from '../db/sql';
import { installFamilies, parseFamilies, refreshFamilies } from '../families/families';
import type { Locale } from '../i18n';
import { installRules, refreshFindings } from '../rules';
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

let started: Promise<void> | undefined;

/**
 * Starts the engine and loads the embedded dataset (Arrow IPC files written by `npm run ingest`).
 * Idempotent: a second call (React's StrictMode runs effects twice) waits for the first.
 */
export function startApp(baseUrl: string = document.baseURI): Promise<void> {
  started ??= start(baseUrl);
  return started;
}

/** Resolves after the browser has painted the next frame (so the first chart is on screen). */
function afterPaint(): Promise<void> {
  return new Promise((done) => {
    if (typeof requestAnimationFrame !== 'function') return done();
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}

async function start(baseUrl: string): Promise<void> {
  try {
    setEngine({ status: 'starting', progress: null, error: null });
    // The small precomputed summary is drawn first; compiling the 34 MB engine competes for the
    // machine's cores, so it starts once that first chart is painted.
    const summary = await fetchSummary(baseUrl);
    if (summary) {
      store.setState({ summary });
      await afterPaint();
      await afterPaint();
    }
    const [db, dataset] = await Promise.all([getAppDb(), fetchDataset(baseUrl)]);
    setEngine({ status: 'loading', progress: null });
    await loadDataset(db, dataset.tables);
    await refreshDocuments();
    setEngine({ status: 'ready', progress: 1 });
    // The first charts need only the data; findings and scores follow.
    await installRules(db);
    await setUpFamilies(db, baseUrl);
    store.setState({ rulesReady: true });
  } catch (err) {
    setEngine({ status: 'error', error: message(err) });
  }
}

/**
 * Stops whatever the engine is doing and starts it again with the embedded dataset: DuckDB-WASM
 * cannot cancel a running query, so its worker is terminated instead. Documents imported in the
 * browser are not reloaded. Queries still waiting on the old engine never answer.
 */
export async function restartEngine(baseUrl?: string): Promise<void> {
  const old = dbPromise;
  dbPromise = undefined;
  // Not awaited: the old worker may be busy with the very query being cancelled.
  old?.then((db) => db.close()).catch(() => undefined);
  started = undefined;
  store.setState({ rulesReady: false });
  await startApp(baseUrl);
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
    const db = await getAppDb();
    await replaceDocuments(db, results);
    await refreshFindings(db);
    await refreshFamilies(db);
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

/** Where the user's moves of projects between families are kept (they survive a reload). */
const OVERRIDES_KEY = 'target-lens:family-overrides';

function storedOverrides(): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(OVERRIDES_KEY) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

async function setUpFamilies(db: Db, baseUrl: string): Promise<void> {
  const csv = await fetchFamilies(baseUrl);
  await installFamilies(db, csv ? parseFamilies(csv) : []);
  const overrides = Object.entries(storedOverrides());
  if (overrides.length)
    await db.exec(
      `INSERT INTO family_overrides VALUES ${overrides.map(([p, f]) => `(${literal(p)}, ${literal(f)})`).join(', ')}`,
    );
}

/** Moves a project to another family (null: back to what its keywords say); the choice persists. */
export async function moveProjectToFamily(projectId: string, familyId: string | null): Promise<void> {
  // The choice is stored first, synchronously, so that a reload right after the click keeps it.
  const all = storedOverrides();
  if (familyId) all[projectId] = familyId;
  else delete all[projectId];
  localStorage.setItem(OVERRIDES_KEY, JSON.stringify(all));
  const db = await getAppDb();
  await db.exec(`DELETE FROM family_overrides WHERE project_id = ${literal(projectId)}`);
  if (familyId) await db.exec(`INSERT INTO family_overrides VALUES (${literal(projectId)}, ${literal(familyId)})`);
  store.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
}
