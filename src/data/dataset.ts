import { DATASET_DIR, type DatasetManifest, MANIFEST_FILE, SUMMARY_FILE, type TableName } from '../db';
import type { BudgetRow, Headline } from '../db/queries-overview';
import { DEMO_DIR } from '../years/demo';

/** Progress of downloading the dataset files. */
export interface DatasetProgress {
  loaded: number;
  total: number;
}

/** Fetches a file of the app's own origin; rejects with its URL and the HTTP status when it is not there. */
async function fetchOk(url: string, hint = ''): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load ${url}: HTTP ${res.status}${hint}`);
  return res;
}

/**
 * Fetches the dataset written by `npm run ingest` from the app's own origin: the manifest, then one
 * Arrow IPC file per table. Rejects with the URL that failed.
 */
export async function fetchDataset(
  baseUrl: string,
  onProgress?: (p: DatasetProgress) => void,
): Promise<{ manifest: DatasetManifest; tables: Record<TableName, Uint8Array> }> {
  const url = (file: string) => new URL(`${DATASET_DIR}/${file}`, baseUrl).toString();
  const manifest = (await (await fetchOk(url(MANIFEST_FILE), ' (run npm run ingest)')).json()) as DatasetManifest;
  const total = manifest.tables.reduce((n, t) => n + t.bytes, 0);
  let loaded = 0;
  const entries = await Promise.all(
    manifest.tables.map(async (t) => {
      const bytes = new Uint8Array(await (await fetchOk(url(t.file))).arrayBuffer());
      loaded += bytes.byteLength;
      onProgress?.({ loaded, total });
      return [t.name, bytes] as const;
    }),
  );
  return { manifest, tables: Object.fromEntries(entries) as Record<TableName, Uint8Array> };
}

/** The overview drawn before the engine is ready (written by `npm run ingest`). */
export interface OverviewSummary {
  headline: Headline | null;
  budgets: BudgetRow[];
}

/** Fetches the precomputed overview summary; null when it is missing (the engine will answer instead). */
export async function fetchSummary(baseUrl: string): Promise<OverviewSummary | null> {
  try {
    const res = await fetch(new URL(`${DATASET_DIR}/${SUMMARY_FILE}`, baseUrl));
    return res.ok ? ((await res.json()) as OverviewSummary) : null;
  } catch {
    return null;
  }
}

/** Fetches the family table (families.csv) of the dataset; null when the dataset has none. */
export async function fetchFamilies(baseUrl: string): Promise<string | null> {
  try {
    const res = await fetch(new URL(`${DATASET_DIR}/families.csv`, baseUrl));
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

/** The generated demo years written by `npm run ingest` (public/demo), as files to import. */
export async function fetchDemoFiles(baseUrl: string): Promise<File[]> {
  const url = (file: string) => new URL(`${DEMO_DIR}/${file}`, baseUrl).toString();
  const manifest = (await (await fetchOk(url('manifest.json'), ' (run npm run ingest)')).json()) as {
    files: { file: string }[];
  };
  return Promise.all(
    manifest.files.map(async ({ file }) => new File([await (await fetchOk(url(file))).arrayBuffer()], file)),
  );
}
