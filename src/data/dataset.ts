import { DATASET_DIR, type DatasetManifest, MANIFEST_FILE, SUMMARY_FILE, type TableName } from '../db';
import type { BudgetRow, Headline } from '../db/queries-overview';

/** Progress of downloading the dataset files. */
export interface DatasetProgress {
  loaded: number;
  total: number;
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
  const res = await fetch(url(MANIFEST_FILE));
  if (!res.ok) throw new Error(`cannot load ${url(MANIFEST_FILE)}: HTTP ${res.status} (run npm run ingest)`);
  const manifest = (await res.json()) as DatasetManifest;
  const total = manifest.tables.reduce((n, t) => n + t.bytes, 0);
  let loaded = 0;
  const entries = await Promise.all(
    manifest.tables.map(async (t) => {
      const r = await fetch(url(t.file));
      if (!r.ok) throw new Error(`cannot load ${url(t.file)}: HTTP ${r.status}`);
      const bytes = new Uint8Array(await r.arrayBuffer());
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
