import { type DatasetSource, datasetFolder, fetchFamilies, fetchSummary, openDataset, openDatasetPart } from '../data';
import type { Db } from '../db';
import { EngineCrash } from '../db/browser';
import { literal } from '../db/sql';
import { installFamilies, parseFamilies } from '../families/families';
import type { Locale } from '../i18n';
import { installRules, RULES, rulesFingerprint } from '../rules';
import { installYears, refreshYearMatches } from '../years/compare';
import {
  dropAppDb,
  exclusive,
  getAppDb,
  errorMessage as message,
  onEngineCrash,
  refreshDocuments,
  setEngine,
} from './engine';
import { getLibrary, loadAllData, yearThreshold } from './imports';
import { addNotice, store } from './store';

let started: Promise<void> | undefined;

/**
 * Starts the engine and loads the dataset (Arrow IPC files written by `npm run ingest`): the embedded
 * samples, or the one the URL names (`?dataset=<name>`, from `public/datasets/<name>/`).
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
    const { dataset: name, loadYears, loadRegions } = store.getState().route;
    const folder = datasetFolder(name);
    const part = loadYears.length || loadRegions.length ? { years: loadYears, regions: loadRegions } : null;
    // The small precomputed summary of the dataset is drawn first, unless the user's own documents
    // or switched-off samples make it wrong; compiling the 34 MB engine competes for the machine's
    // cores, so it starts once that first chart is painted.
    const [library, datasetSummary] = await Promise.all([getLibrary(), fetchSummary(baseUrl, folder)]);
    const asShipped = store.getState().library.samplesEnabled && (!library || (await library.count()) === 0);
    // (The summary is of the whole dataset: not drawn when only part of it is loaded.)
    const summary = asShipped && !part ? datasetSummary : null;
    if (summary) {
      store.setState({ summary });
      await afterPaint();
      await afterPaint();
    }
    const [db, dataset] = await Promise.all([
      getAppDb(),
      part ? openDatasetPart(baseUrl, folder, part) : openDataset(baseUrl, folder),
    ]);
    await exclusive(async () => {
      setEngine({ status: 'loading', progress: 0 });
      await loadAllData(db, dataset, (loaded, total) => setEngine({ progress: total > 0 ? loaded / total : null }));
      await refreshDocuments();
      setEngine({ status: 'ready', progress: 1 });
      // The first charts need only the data; findings and scores follow.
      await installFindings(db, dataset, asShipped);
      await setUpFamilies(db, baseUrl, folder);
      await installYears(db);
      await refreshYearMatches(db, yearThreshold());
      store.setState({ rulesReady: true });
    });
  } catch (err) {
    // A crashed engine is restarted (or reported) by recoverFromCrash.
    if (err instanceof EngineCrash) return;
    setEngine({ status: 'error', error: message(err) });
  }
}

/** Temporary table of findings shipped with a dataset, while `findings` is made from it. */
const SHIPPED_FINDINGS = 'findings_shipped';

/**
 * Installs the rules. A dataset shipped with findings made by these same rules (large ones, from
 * `npm run ingest -- --findings`) and loaded as shipped gets its findings from the file; otherwise
 * (the user's documents added, samples hidden, other rules) the rules run here.
 */
async function installFindings(db: Db, dataset: DatasetSource, asShipped: boolean): Promise<void> {
  const shipped = dataset.manifest.findings;
  if (!asShipped || !shipped || shipped.rules !== rulesFingerprint()) return installRules(db);
  await db.insertArrowIPC(SHIPPED_FINDINGS, await dataset.file(shipped.file), { create: true });
  try {
    await installRules(db, RULES, { precomputed: SHIPPED_FINDINGS });
  } finally {
    await db.exec(`DROP TABLE IF EXISTS ${SHIPPED_FINDINGS}`);
  }
}

/**
 * Stops whatever the engine is doing and starts it again with the embedded dataset: DuckDB-WASM
 * cannot cancel a running query, so its worker is terminated instead. Documents kept in the
 * browser are loaded again. Queries still waiting on the old engine never answer.
 */
export async function restartEngine(baseUrl?: string): Promise<void> {
  dropAppDb();
  started = undefined;
  store.setState({ rulesReady: false });
  await startApp(baseUrl);
}

/** A second crash within this long of the first is not restarted again (it would likely crash again). */
const CRASH_WINDOW_MS = 60_000;
let lastCrash = Number.NEGATIVE_INFINITY;

/**
 * The engine crashed: restart it with the dataset and the stored documents (nothing kept in the
 * browser is lost; it lives in IndexedDB, not in the engine) and say so. An import that was being
 * loaded into it did not finish.
 */
function recoverFromCrash(reason: string): void {
  const now = Date.now();
  const again = now - lastCrash < CRASH_WINDOW_MS;
  lastCrash = now;
  const { importing } = store.getState();
  if (importing.status === 'loading')
    store.setState({ importing: { ...importing, status: 'error', error: reason, storageFailed: false } });
  if (again) {
    dropAppDb();
    addNotice({ kind: 'engine-failed', reason });
    setEngine({ status: 'error', error: reason });
    return;
  }
  addNotice({ kind: 'engine-restarted', reason });
  void restartEngine();
}

onEngineCrash(recoverFromCrash);

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

async function setUpFamilies(db: Db, baseUrl: string, folder: string): Promise<void> {
  const csv = await fetchFamilies(baseUrl, folder);
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

/** Matches the projects across years again with a new threshold (kept in the URL). */
export async function setYearThreshold(threshold: number): Promise<void> {
  store.setState((s) => ({ route: { ...s.route, threshold } }));
  const db = await getAppDb();
  await exclusive(() => refreshYearMatches(db, threshold));
  store.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
}
