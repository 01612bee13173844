/**
 * Shared fixtures for DuckDB tests on the real engine (DuckDB-WASM's blocking Node build, no mocks).
 *
 * - `sampleResults()`: the five documents of `data/` parsed by the real parser.
 * - `getSampleDb()`: one memoised database per test file with every table of `src/db/schema.ts`
 *   loaded from those results through Arrow IPC, and the views of `src/db/views.ts`.
 * - `freshDb()`: a new empty database, for tests that change tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, loadParseResults } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { type ParseResult, parseDocument } from '../../src/parse';

export const DATA_DIR = join(import.meta.dirname, '../../data');

let results: ParseResult[] | undefined;

/** The five samples, parsed once per test file. */
export function sampleResults(): ParseResult[] {
  results ??= readdirSync(DATA_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDocument(readFileSync(join(DATA_DIR, f), 'utf8'), f));
  return results;
}

let sampleDb: Promise<Db> | undefined;

/** A database holding the samples (memoised; do not modify it in tests). */
export function getSampleDb(): Promise<Db> {
  sampleDb ??= (async () => {
    const db = await openNodeDb();
    await loadParseResults(db, sampleResults());
    return db;
  })();
  return sampleDb;
}

/** A new empty database. */
export function freshDb(): Promise<Db> {
  return openNodeDb();
}
