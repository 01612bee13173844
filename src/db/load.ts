import type { ParseResult } from '../parse';
import { toArrowIPC } from './arrow';
import type { Db } from './db';
import { toRecords } from './records';
import { TABLES, type TableName } from './schema';
import { ident, literalList } from './sql';
import { VIEWS } from './views';

/** (Re)creates the analysis views; they only read the tables, so this is cheap. */
export async function createViews(db: Db): Promise<void> {
  for (const v of VIEWS) await db.exec(`CREATE OR REPLACE VIEW ${ident(v.name)} AS ${v.sql}`);
}

/** Replaces every table with the given Arrow IPC bytes (the dataset written by `npm run ingest`), then makes the views. */
export async function loadDataset(db: Db, tables: Partial<Record<TableName, Uint8Array>>): Promise<void> {
  for (const t of TABLES) {
    const bytes = tables[t.name];
    if (!bytes?.byteLength)
      throw new Error(`dataset is missing table ${t.name} (or its bytes were transferred before)`);
    await db.exec(`DROP TABLE IF EXISTS ${ident(t.name)} CASCADE`);
    await db.insertArrowIPC(t.name, bytes, { create: true });
  }
  await createViews(db);
}

/**
 * Replaces the rows of every table with the given Arrow IPC bytes in one transaction, keeping the
 * tables (and the views and rules over them) in place; a failure leaves the data as it was.
 */
export async function reloadDataset(db: Db, tables: Partial<Record<TableName, Uint8Array>>): Promise<void> {
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const t of TABLES) {
      const bytes = tables[t.name];
      if (!bytes?.byteLength)
        throw new Error(`dataset is missing table ${t.name} (or its bytes were transferred before)`);
      await db.exec(`DELETE FROM ${ident(t.name)}`);
      await db.insertArrowIPC(t.name, bytes, { create: false });
    }
    await db.exec('COMMIT');
  } catch (err) {
    await db.exec('ROLLBACK');
    throw err;
  }
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
}

/** Loads parse results as the whole dataset (an empty database gets every table and view). */
export async function loadParseResults(db: Db, results: readonly ParseResult[]): Promise<void> {
  await loadDataset(db, toArrowIPC(toRecords(results)));
}
