import { type DatasetSource, fetchDemoFiles } from '../data';
import type { TableName } from '../db';
import { type Db, docIdOf, loadDataset, reloadDataset, removeDocuments, replaceRecords } from '../db';
import type { ExtractOptions } from '../extract';
import { refreshFamilies } from '../families/families';
import { refreshFindings } from '../rules';
import { Library, type StoredDocument, type StoredInfo, type StoredSource, storedInfo } from '../storage/library';
import { ImportCancelled, importInWorker, type RecordBatch, storedInWorker } from '../worker';
import { DEFAULT_THRESHOLD, refreshYearMatches } from '../years/compare';
import { exclusive, getAppDb, errorMessage as message, refreshDocuments } from './engine';
import { fileReport, type ImportReport } from './import-report';
import { addNotice, store } from './store';

/** How long opening IndexedDB may take before the app goes on without it (another tab can block it). */
const OPEN_TIMEOUT_MS = 5000;
const SAMPLES_SETTING = 'samplesEnabled';
const REPORT_SETTING = 'lastImportReport';
/** Written when an import starts and removed when it ends: found at start-up, the page was closed during one. */
const PENDING_SETTING = 'pendingImport';

/** What an import in progress leaves in storage (see {@link PENDING_SETTING}). */
interface PendingImport {
  at: string;
  files: string[];
}

let libraryPromise: Promise<Library | null> | undefined;

function setLibrary(patch: Partial<ReturnType<typeof store.getState>['library']>) {
  store.setState((s) => ({ library: { ...s.library, ...patch } }));
}

function setImporting(patch: Partial<ReturnType<typeof store.getState>['importing']>) {
  store.setState((s) => ({ importing: { ...s.importing, ...patch } }));
}

/** The browser's document store, opened once; null (and a message in the state) when it is unavailable. */
export function getLibrary(): Promise<Library | null> {
  libraryPromise ??= (async () => {
    try {
      const timeout = new Promise<never>((_, fail) =>
        setTimeout(() => fail(new Error('IndexedDB did not open (is another tab upgrading it?)')), OPEN_TIMEOUT_MS),
      );
      const library = await Promise.race([Library.open(), timeout]);
      // Settings are read defensively: a damaged value is ignored, not trusted.
      const samplesEnabled = (await library.setting<unknown>(SAMPLES_SETTING, true)) !== false;
      setLibrary({ status: 'ready', error: null, samplesEnabled });
      // The last import's report is kept too, so a reload does not lose what it said.
      const report = await library.setting<ImportReport | null>(REPORT_SETTING, null);
      if (report && Array.isArray(report.files) && Array.isArray(report.skipped) && !store.getState().importing.report)
        setImporting({ report });
      await noticeInterruptedImport(library);
      return library;
    } catch (err) {
      setLibrary({ status: 'unavailable', error: message(err) });
      return null;
    }
  })();
  return libraryPromise;
}

/**
 * Tells the user about an import the page was closed or reloaded during: of its files, those stored
 * with that import's time were saved whole (one transaction); the rest were not imported.
 */
async function noticeInterruptedImport(library: Library): Promise<void> {
  const pending = await library.setting<PendingImport | null>(PENDING_SETTING, null);
  if (!pending) return;
  await library.setSetting(PENDING_SETTING, null);
  if (!Array.isArray(pending.files)) return;
  const files = pending.files.filter((f): f is string => typeof f === 'string');
  const stored = await library.documentsById(files.map(docIdOf));
  const saved = new Set(stored.filter((d) => d.importedAt === pending.at).map((d) => d.fileName));
  addNotice({
    kind: 'import-interrupted',
    saved: files.filter((f) => saved.has(f)),
    lost: files.filter((f) => !saved.has(f)),
  });
}

/** The dataset loaded at start (reloads fetch its tables again). */
let opened: DatasetSource | undefined;
/** The engine the dataset's tables were created in (a restarted engine starts empty). */
let loadedInto: Db | undefined;

/**
 * Loads the app's dataset (the embedded samples, or the one named by `?dataset=`) table by table,
 * with progress, hides its documents if the user switched them off, and adds the documents kept in
 * the browser. Findings and families are not refreshed here.
 */
export async function loadAllData(
  db: Db,
  dataset: DatasetSource | undefined = opened,
  onProgress?: (loaded: number, total: number) => void,
): Promise<void> {
  if (!dataset) throw new Error('the dataset was not opened');
  const files = new Map(dataset.manifest.tables.map((t) => [t.name, t] as const));
  const total = dataset.manifest.tables.reduce((n, t) => n + t.bytes, 0);
  let loaded = 0;
  const table = async (name: TableName) => {
    const entry = files.get(name);
    if (!entry) throw new Error(`${dataset.folder}: the manifest lists no table ${name} (run npm run ingest)`);
    const bytes = await dataset.file(entry.file);
    loaded += bytes.byteLength;
    onProgress?.(loaded, total);
    return bytes;
  };
  // The first load creates the tables; later ones (samples switched on, a sample's stand-in removed) keep them.
  if (loadedInto === db) await reloadDataset(db, table);
  else await loadDataset(db, table);
  opened = dataset;
  loadedInto = db;
  const sampleIds = dataset.manifest.documents.map((d) => d.docId);
  const kept = await readStored();
  const storedIds = new Set(kept.stored.map((d) => d.docId));
  setLibrary({ stored: kept.stored, sampleIds: [...sampleIds] });
  if (!store.getState().library.samplesEnabled)
    await removeDocuments(
      db,
      sampleIds.filter((id) => !storedIds.has(id)),
    );
  if (kept.batch) await replaceRecords(db, kept.batch.docIds, kept.batch.ipc);
}

/**
 * The documents kept in the browser, read and encoded in a worker. If they cannot be read the app
 * goes on without them and says so; they stay in storage untouched.
 */
async function readStored(): Promise<{ batch: RecordBatch | null; stored: StoredInfo[] }> {
  const library = await getLibrary();
  if (!library || (await library.count()) === 0) return { batch: null, stored: [] };
  try {
    const { batch, stored, recovered, skipped } = await storedInWorker(extractOptions());
    if (recovered.length || skipped.length) addNotice({ kind: 'stored-damaged', recovered, skipped });
    return { batch, stored };
  } catch (err) {
    setLibrary({ failure: message(err) });
    return { batch: null, stored: [] };
  }
}

/** Where pdf.js finds its character maps and standard fonts: the app's own origin. */
function extractOptions(): ExtractOptions {
  const base = document.baseURI;
  return {
    pdf: {
      cMapUrl: new URL('pdfjs/cmaps/', base).href,
      standardFontDataUrl: new URL('pdfjs/standard_fonts/', base).href,
    },
  };
}

/** The name-similarity threshold for matching projects across years (URL, else the default). */
export function yearThreshold(): number {
  return store.getState().route.threshold ?? DEFAULT_THRESHOLD;
}

/**
 * Recomputes everything derived from the documents and tells the views: those that need only the
 * data answer at once, those that need findings wait for them (rulesReady is off meanwhile).
 */
async function afterChange(db: Db): Promise<void> {
  const rules = store.getState().rulesReady;
  if (rules) store.setState({ rulesReady: false });
  await refreshDocuments();
  if (!rules) return;
  try {
    await refreshFindings(db);
    await refreshFamilies(db);
    await refreshYearMatches(db, yearThreshold());
  } finally {
    store.setState((s) => ({ rulesReady: true, dataVersion: s.dataVersion + 1 }));
  }
}

/** Cancels the import being read (see {@link cancelImport}). */
let importAbort: AbortController | null = null;

/**
 * Cancels the running import while its files are being read: the import worker is ended and nothing
 * is stored or loaded. Once the documents are being written to the database the import finishes.
 */
export function cancelImport(): void {
  if (store.getState().importing.status === 'reading') importAbort?.abort();
}

/**
 * Reads files of any supported kind in the import worker (with progress), adds the documents that
 * could be read to the database and keeps them in the browser. A document with the same id (file
 * name without extension) replaces the one there before. Either the whole import is stored and
 * loaded, or — if storing or loading fails — nothing changes.
 */
export async function importFiles(files: readonly File[], skipped: readonly string[] = []): Promise<void> {
  const status = store.getState().importing.status;
  if (status === 'reading' || status === 'loading') return;
  const started = performance.now();
  const at = new Date().toISOString();
  store.setState((s) => ({
    importing: {
      status: 'reading',
      progress: { done: 0, total: files.length, current: files[0]?.name ?? null },
      error: null,
      storageFailed: false,
      runs: s.importing.runs + 1,
      report: s.importing.report,
    },
  }));
  const abort = new AbortController();
  importAbort = abort;
  const library = await getLibrary();
  try {
    // (Full storage refuses this too; the import then fails, whole, where it saves.)
    await library
      ?.setSetting(PENDING_SETTING, { at, files: files.map((f) => f.name) } satisfies PendingImport)
      .catch(() => undefined);
    const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
    const { outcomes, batch } = await importInWorker(
      inputs,
      extractOptions(),
      (progress) => setImporting({ progress }),
      abort.signal,
    );
    setImporting({ status: 'loading' });
    const db = await getAppDb();

    // Within one import the last file of an id wins, as it would in two imports one after the other.
    const byId = new Map<string, { doc: StoredDocument; source: StoredSource }>();
    outcomes.forEach((o, i) => {
      if (!o.ok) return;
      const docId = docIdOf(o.name);
      const doc = { docId, fileName: o.name, kind: o.kind, size: o.size, importedAt: at, result: o.result };
      const bytes = new Uint8Array(inputs[i]?.bytes ?? new ArrayBuffer(0));
      byId.set(docId, { doc, source: { docId, fileName: o.name, bytes } });
    });
    const before = new Set(store.getState().documents.map((d) => d.doc_id));
    const report = {
      at,
      seconds: 0,
      files: outcomes.map((o) => fileReport(o, o.ok && before.has(docIdOf(o.name)))),
      skipped: [...skipped],
    };
    const entries = [...byId.values()];
    await exclusive(async () => {
      if (entries.length) await storeAndLoad(db, entries, batch);
      await afterChange(db);
    });
    report.seconds = (performance.now() - started) / 1000;
    setImporting({ status: 'done', report, progress: { done: files.length, total: files.length, current: null } });
    // Losing the report is not worth failing the import over.
    await library?.setSetting(REPORT_SETTING, report).catch(() => undefined);
  } catch (err) {
    if (err instanceof ImportCancelled) setImporting({ status: 'cancelled', error: null, storageFailed: false });
    else setImporting({ status: 'error', error: message(err), storageFailed: err instanceof StorageError });
  } finally {
    importAbort = null;
    await library?.setSetting(PENDING_SETTING, null).catch(() => undefined);
  }
}

/** Stores and loads the documents as one step: a failure of either leaves storage and database as they were. */
async function storeAndLoad(
  db: Db,
  entries: readonly { doc: StoredDocument; source: StoredSource }[],
  batch: RecordBatch,
): Promise<void> {
  const library = await getLibrary();
  if (!library) return replaceRecords(db, batch.docIds, batch.ipc);
  const ids = entries.map((e) => e.doc.docId);
  const previous = await library.documentsById(ids);
  const previousSources = (await Promise.all(previous.map((d) => library.source(d.docId)))).filter(
    (s): s is StoredSource => s !== undefined,
  );
  try {
    await library.save(
      entries.map((e) => e.doc),
      entries.map((e) => e.source),
    );
  } catch (err) {
    throw new StorageError(message(err));
  }
  try {
    await replaceRecords(db, batch.docIds, batch.ipc);
  } catch (err) {
    // The database rolled back; put storage back to what it was.
    const kept = new Set(previous.map((d) => d.docId));
    await library.remove(ids.filter((id) => !kept.has(id)));
    await library.save(previous, previousSources);
    throw err;
  }
  const added = new Set(ids);
  setLibrary({
    stored: [
      ...store.getState().library.stored.filter((d) => !added.has(d.docId)),
      ...entries.map((e) => storedInfo(e.doc)),
    ],
  });
}

/** Storage refused the import (quota, or the store is broken); nothing was changed. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
}

/** Runs a change of the kept documents; a failure is shown beside the documents list instead of being lost. */
async function libraryChange(change: (db: Db) => Promise<void>): Promise<void> {
  try {
    setLibrary({ failure: null });
    const db = await getAppDb();
    await exclusive(() => change(db));
  } catch (err) {
    setLibrary({ failure: message(err) });
  }
}

/** Removes stored documents that could not be read (never loaded, so only storage changes). */
export function removeDamaged(docIds: readonly string[]): Promise<void> {
  return libraryChange(async () => {
    await (await getLibrary())?.remove(docIds);
    setLibrary({ stored: store.getState().library.stored.filter((d) => !docIds.includes(d.docId)) });
  });
}

/** Removes an imported document from the browser's storage and from the database. */
export function removeImported(docId: string): Promise<void> {
  return libraryChange(async (db) => {
    const library = await getLibrary();
    if (library) {
      await library.remove([docId]);
      setLibrary({ stored: store.getState().library.stored.filter((d) => d.docId !== docId) });
    }
    const { sampleIds, samplesEnabled } = store.getState().library;
    // An imported document that had replaced a sample of the same name: the sample comes back.
    if (samplesEnabled && sampleIds.includes(docId)) await loadAllData(db);
    else await removeDocuments(db, [docId]);
    await afterChange(db);
  });
}

/** Shows or hides the embedded samples; the choice is kept. */
export function setSamplesEnabled(enabled: boolean): Promise<void> {
  setLibrary({ samplesEnabled: enabled });
  return libraryChange(async (db) => {
    const library = await getLibrary();
    await library?.setSetting(SAMPLES_SETTING, enabled);
    await loadAllData(db);
    await afterChange(db);
  });
}

/** Loads the embedded dataset and the stored documents again, and everything derived from them. */
export function reloadData(): Promise<void> {
  return libraryChange(async (db) => {
    await loadAllData(db);
    await afterChange(db);
  });
}

/**
 * Imports the generated previous and following years of the samples (a demo, file names starting
 * with "demo-") through the normal import, so they are kept and can be removed like any import.
 */
export async function loadDemoYears(baseUrl: string = document.baseURI): Promise<void> {
  await importFiles(await fetchDemoFiles(baseUrl));
}
