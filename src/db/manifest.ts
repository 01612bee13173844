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
