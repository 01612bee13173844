import type { TableName } from './schema';

/** Folder (under the app's `public/`) where `npm run ingest` writes the dataset. */
export const DATASET_DIR = 'data';
export const MANIFEST_FILE = 'manifest.json';

/** Small precomputed overview (headline figures, budget by department) drawn while the engine starts. */
export const SUMMARY_FILE = 'summary.json';

/** What `npm run ingest` wrote: one Arrow IPC stream file per table. */
export interface DatasetManifest {
  version: 1;
  /** Source documents, in load order. */
  documents: { file: string; docId: string; projects: number }[];
  tables: { name: TableName; file: string; rows: number; bytes: number }[];
  /**
   * Findings computed at ingest (`npm run ingest -- --findings`), for datasets too large to judge in
   * the browser at start: rule_id, doc_id, project_id, indicator_id, message per row. `rules` is the
   * fingerprint of the rules that made them; the app recomputes when its own rules differ.
   */
  findings?: { file: string; rows: number; bytes: number; rules: string };
}

/** Folder (inside a dataset folder) of the per-year/region Arrow files (`--arrow-partitions`), and its manifest. */
export const PARTITIONS_DIR = 'partitions';
export const PARTITIONS_MANIFEST = 'partitions.json';

/** One year/region of partitions.json. */
export interface PartitionEntry {
  year: number | null;
  region: string | null;
  documents: number;
  /** Ids of those documents. */
  docIds: string[];
  /**
   * Files of each table (a year/region split over batches has several), relative to the partitions
   * folder; path segments are URI-encoded names (`region=%E5%AE%89…`), as on disk.
   */
  tables: { name: TableName; files: string[]; rows: number; bytes: number }[];
  /** Findings of the partition's documents (written with `--findings`; absent when it has none). */
  findings?: { file: string; rows: number; bytes: number };
}
