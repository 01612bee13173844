import type { ParseResult } from '../parse';
import { toArrowIPC } from './arrow';
import type { Db } from './db';
import { toRecords } from './records';
import { TABLES, type TableName } from './schema';
import { ident, literalList } from './sql';
import { VIEWS } from './views';

/**
 * Per-document roll-ups the overview reads on every click instead of the detail tables (a province
 * has half a million schedule rows and over a million indicator rows). Sums, so any filter on year,
 * region or department adds them up exactly as the detail rows would be.
 */
export const ROLLUPS = [
  {
    name: 'rollup_schedule',
    sql: `SELECT s.doc_id, s.year, s.region, s.department, s.month,
       sum(s.share_pct * p.budget_wan) AS share_x_budget, sum(p.budget_wan) AS budget_wan, count(*) AS projects
FROM schedule s JOIN projects p USING (project_id)
WHERE s.share_pct IS NOT NULL
GROUP BY s.doc_id, s.year, s.region, s.department, s.month`,
  },
  {
    name: 'rollup_indicator_mix',
    sql: `SELECT doc_id, year, region, department, level1, level2, count(*) AS indicators
FROM indicators GROUP BY doc_id, year, region, department, level1, level2`,
  },
] as const;

/** Remakes the roll-ups; every function here that changes the tables calls it. */
export async function refreshRollups(db: Db): Promise<void> {
  for (const r of ROLLUPS) await db.exec(`CREATE OR REPLACE TABLE ${ident(r.name)} AS ${r.sql}`);
}

/** (Re)creates the analysis views; they only read the tables, so this is cheap. */
export async function createViews(db: Db): Promise<void> {
  for (const v of VIEWS) await db.exec(`CREATE OR REPLACE VIEW ${ident(v.name)} AS ${v.sql}`);
}

/**
 * Arrow IPC bytes per table: given, or fetched when the table's turn comes (so a large dataset is
 * never held whole in the page while the engine copies it).
 */
export type TableBytes = Partial<Record<TableName, Uint8Array>> | ((name: TableName) => Promise<Uint8Array>);

async function bytesOf(tables: TableBytes, name: TableName): Promise<Uint8Array> {
  const bytes = typeof tables === 'function' ? await tables(name) : tables[name];
  if (!bytes?.byteLength) throw new Error(`dataset is missing table ${name} (or its bytes were transferred before)`);
  return bytes;
}

/** Replaces every table with the given Arrow IPC bytes (the dataset written by `npm run ingest`), then makes the views. */
export async function loadDataset(db: Db, tables: TableBytes): Promise<void> {
  for (const t of TABLES) {
    const bytes = await bytesOf(tables, t.name);
    await db.exec(`DROP TABLE IF EXISTS ${ident(t.name)} CASCADE`);
    await db.insertArrowIPC(t.name, bytes, { create: true });
  }
  await createViews(db);
  await refreshRollups(db);
}

/**
 * Replaces the rows of every table with the given Arrow IPC bytes in one transaction, keeping the
 * tables (and the views and rules over them) in place; a failure leaves the data as it was.
 */
export async function reloadDataset(db: Db, tables: TableBytes): Promise<void> {
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const t of TABLES) {
      const bytes = await bytesOf(tables, t.name);
      await db.exec(`DELETE FROM ${ident(t.name)}`);
      await db.insertArrowIPC(t.name, bytes, { create: false });
    }
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw err;
  }
  await refreshRollups(db);
}

/**
 * Adds documents parsed at run time (in the browser's worker or a script), replacing any document
 * with the same id, so re-importing a file replaces it. Tables must exist (`loadDataset` first, or
 * `loadParseResults` on an empty database).
 */
export async function replaceDocuments(db: Db, results: readonly ParseResult[]): Promise<void> {
  const records = toRecords(results);
  await replaceRecords(
    db,
    records.documents.map((d) => d.doc_id as string),
    toArrowIPC(records),
  );
}

/**
 * {@link replaceDocuments} for records already turned into Arrow IPC (in a worker, say): deletes the
 * rows of `docIds` and inserts `ipc`, in one transaction.
 */
export async function replaceRecords(
  db: Db,
  docIds: readonly string[],
  ipc: Record<TableName, Uint8Array>,
): Promise<void> {
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const t of TABLES) {
      await db.exec(`DELETE FROM ${ident(t.name)} WHERE doc_id IN ${literalList(docIds)}`);
      await db.insertArrowIPC(t.name, ipc[t.name], { create: false });
    }
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw err;
  }
  await refreshRollups(db);
}

/** Removes documents (every table's rows with these doc ids) in one transaction. */
export async function removeDocuments(db: Db, docIds: readonly string[]): Promise<void> {
  if (docIds.length === 0) return;
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const t of TABLES) await db.exec(`DELETE FROM ${ident(t.name)} WHERE doc_id IN ${literalList(docIds)}`);
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw err;
  }
  await refreshRollups(db);
}

/** Loads parse results as the whole dataset (an empty database gets every table and view). */
export async function loadParseResults(db: Db, results: readonly ParseResult[]): Promise<void> {
  await loadDataset(db, toArrowIPC(toRecords(results)));
}
