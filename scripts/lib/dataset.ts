import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeText } from '../../src/data/decode';
import {
  type DatasetManifest,
  loadDataset,
  MANIFEST_FILE,
  SUMMARY_FILE,
  TABLES,
  toArrowIPC,
  toRecords,
} from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { budgetByDepartmentQuery, headlineQuery } from '../../src/db/queries-overview';
import { type ParseResult, parseDocument } from '../../src/parse';

/** Parses every `.txt`, `.md` and `.html` file under `dataDir` (sorted by name). */
export async function parseFolder(dataDir: string): Promise<ParseResult[]> {
  const files = (await readdir(dataDir)).filter((f) => /\.(txt|md|html?)$/i.test(f)).sort();
  const results: ParseResult[] = [];
  for (const f of files) results.push(parseDocument(decodeText(await readFile(join(dataDir, f))), basename(f)));
  return results;
}

/** The family table (data/families.csv) beside the documents, copied into the dataset when present. */
export const FAMILIES_FILE = 'families.csv';

/** `npm run ingest` as a function: parses `dataDir` and writes the dataset (with the family table) to `outDir`. */
export async function ingestFolder(
  dataDir: string,
  outDir: string,
): Promise<{ results: ParseResult[]; manifest: DatasetManifest }> {
  const results = await parseFolder(dataDir);
  const manifest = await writeDataset(results, outDir);
  const families = await readFile(join(dataDir, FAMILIES_FILE)).catch(() => null);
  if (families) await writeFile(join(outDir, FAMILIES_FILE), families);
  return { results, manifest };
}

/**
 * Writes the dataset the app loads at start: one Arrow IPC stream file per table plus
 * `manifest.json`, into `outDir` (replaced as a whole).
 */
export async function writeDataset(results: readonly ParseResult[], outDir: string): Promise<DatasetManifest> {
  const records = toRecords(results);
  const ipc = toArrowIPC(records);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const manifest: DatasetManifest = {
    version: 1,
    documents: records.documents.map((d) => ({
      file: d.file as string,
      docId: d.doc_id as string,
      projects: d.project_count as number,
    })),
    tables: [],
  };
  for (const t of TABLES) {
    const file = `${t.name}.arrow`;
    await writeFile(join(outDir, file), ipc[t.name]);
    manifest.tables.push({ name: t.name, file, rows: records[t.name].length, bytes: ipc[t.name].byteLength });
  }
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  // The overview's first figures and chart, computed by the same SQL on the Node engine, so the
  // page can draw them before DuckDB-WASM has started in the browser.
  const db = await openNodeDb();
  await loadDataset(db, ipc);
  const none = { year: null, region: null, department: null };
  const summary = {
    headline: (await db.query(headlineQuery(none)))[0] ?? null,
    budgets: await db.query(budgetByDepartmentQuery(none)),
  };
  await db.close();
  await writeFile(join(outDir, SUMMARY_FILE), `${JSON.stringify(summary)}\n`);
  return manifest;
}
