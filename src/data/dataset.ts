import { DATASET_DIR, type DatasetManifest, MANIFEST_FILE, SUMMARY_FILE } from '../db';
import { concatIpcStreams } from '../db/arrow';
import { PARTITIONS_DIR, PARTITIONS_MANIFEST, type PartitionEntry } from '../db/manifest';
import type { BudgetRow, Headline } from '../db/queries-overview';
import { DEMO_DIR } from '../years/demo';

/**
 * Fetches a file of the app's own origin; rejects with its URL and the HTTP status when it is not
 * there. A server that answers every unknown path with the app's page (Vite's preview does) does not
 * count as having the file, unless the file is itself a page (`.html`, the demo years).
 */
async function fetchOk(url: string, hint = ''): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load ${url}: HTTP ${res.status}${hint}`);
  if (isPage(res) && !/\.html?$/i.test(new URL(url).pathname))
    throw new Error(`cannot load ${url}: the server has no such file${hint}`);
  return res;
}

const isPage = (res: Response) => res.headers.get('content-type')?.startsWith('text/html') ?? false;

/** A file the dataset may lack (summary, families): null when missing or unreadable. */
async function optional<T>(url: URL, read: (res: Response) => Promise<T>): Promise<T | null> {
  try {
    const res = await fetch(url);
    return res.ok && !isPage(res) ? await read(res) : null;
  } catch {
    return null;
  }
}

/** Folder of the datasets other than the embedded one (`public/datasets/<name>/`, opened with `?dataset=<name>`). */
export const DATASETS_DIR = 'datasets';

/** Where a dataset lives on the app's own origin: the embedded samples, or a named one. */
export function datasetFolder(name: string | null): string {
  return name ? `${DATASETS_DIR}/${name}` : DATASET_DIR;
}

/** A dataset written by `npm run ingest`, as the app reads it: its manifest, and its files fetched on demand. */
export interface DatasetSource {
  folder: string;
  manifest: DatasetManifest;
  /** Bytes of one file of the dataset (a table, the findings). */
  file(name: string): Promise<Uint8Array>;
  /** Set when only part of the dataset is loaded ({@link openDatasetPart}). */
  part?: DatasetPart;
}

/** Fetches a dataset's manifest; its tables are fetched one at a time by whoever loads them. */
export async function openDataset(baseUrl: string, folder: string): Promise<DatasetSource> {
  const url = (file: string) => new URL(`${folder}/${file}`, baseUrl).toString();
  const manifest = (await (await fetchOk(url(MANIFEST_FILE), ' (run npm run ingest)')).json()) as DatasetManifest;
  return {
    folder,
    manifest,
    file: async (file) => new Uint8Array(await (await fetchOk(url(file))).arrayBuffer()),
  };
}

/** Which part of a partitioned dataset to load (`--arrow-partitions`): empty lists mean every year, every region. */
export interface DatasetPart {
  years: readonly number[];
  regions: readonly string[];
}

/**
 * A dataset restricted to some of its years and regions (a province's counties, say): the same
 * source as {@link openDataset} gives, but each table is the selected partitions' files joined into
 * one Arrow stream, and so are the shipped findings. Rejects when the dataset was not written with
 * partitions or nothing matches.
 */
export async function openDatasetPart(baseUrl: string, folder: string, part: DatasetPart): Promise<DatasetSource> {
  const whole = await openDataset(baseUrl, folder);
  // Partition paths hold URI-encoded names (as on disk): encode them again for the URL.
  const url = (file: string) =>
    new URL(`${folder}/${PARTITIONS_DIR}/${file.split('/').map(encodeURIComponent).join('/')}`, baseUrl).toString();
  const res = await fetchOk(url(PARTITIONS_MANIFEST), ' (was the dataset ingested with --arrow-partitions?)');
  const all = ((await res.json()) as { partitions: PartitionEntry[] }).partitions;
  const chosen = all.filter(
    (p) =>
      (part.years.length === 0 || (p.year !== null && part.years.includes(p.year))) &&
      (part.regions.length === 0 || (p.region !== null && part.regions.includes(p.region))),
  );
  if (chosen.length === 0)
    throw new Error(
      `${folder}: no partition for years ${part.years.join(', ') || 'all'} and regions ${part.regions.join(', ') || 'all'}`,
    );
  const fetchAll = async (files: string[]) =>
    concatIpcStreams(
      await Promise.all(files.map(async (f) => new Uint8Array(await (await fetchOk(url(f))).arrayBuffer()))),
    );
  const tableFiles = (name: string) => chosen.flatMap((p) => p.tables.find((t) => t.name === name)?.files ?? []);
  const docIds = new Set(chosen.flatMap((p) => p.docIds));
  const manifest: DatasetManifest = {
    ...whole.manifest,
    tables: whole.manifest.tables.map((t) => ({
      ...t,
      rows: chosen.reduce((n, p) => n + (p.tables.find((x) => x.name === t.name)?.rows ?? 0), 0),
      bytes: chosen.reduce((n, p) => n + (p.tables.find((x) => x.name === t.name)?.bytes ?? 0), 0),
    })),
    documents: whole.manifest.documents.filter((d) => docIds.has(d.docId)),
  };
  // The findings were judged over the whole dataset (some rules compare documents): the part keeps
  // its share of them. A part without any is judged here instead.
  const findingFiles = chosen.flatMap((p) => (p.findings ? [p.findings.file] : []));
  const shipped = findingFiles.length ? whole.manifest.findings : undefined;
  if (shipped) manifest.findings = { ...shipped, rows: chosen.reduce((n, p) => n + (p.findings?.rows ?? 0), 0) };
  else delete manifest.findings;
  return {
    folder,
    manifest,
    part,
    async file(name) {
      if (shipped && name === shipped.file) return fetchAll(findingFiles);
      const table = whole.manifest.tables.find((t) => t.file === name);
      if (!table) return whole.file(name);
      return fetchAll(tableFiles(table.name));
    },
  };
}

/** The overview drawn before the engine is ready (written by `npm run ingest`). */
export interface OverviewSummary {
  headline: Headline | null;
  budgets: BudgetRow[];
}

/** Fetches the precomputed overview summary; null when it is missing (the engine will answer instead). */
export function fetchSummary(baseUrl: string, folder: string = DATASET_DIR): Promise<OverviewSummary | null> {
  return optional(new URL(`${folder}/${SUMMARY_FILE}`, baseUrl), (res) => res.json() as Promise<OverviewSummary>);
}

/** Fetches the family table (families.csv) of the dataset; null when the dataset has none. */
export function fetchFamilies(baseUrl: string, folder: string = DATASET_DIR): Promise<string | null> {
  return optional(new URL(`${folder}/families.csv`, baseUrl), (res) => res.text());
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
