/**
 * The generated demo years (scripts/lib/years.ts) beside the samples, on the real Node engine, with
 * rules, families and the year comparison installed: what the years view should show.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeYears } from '../../scripts/lib/years';
import { type Db, loadParseResults } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { installFamilies } from '../../src/families/families';
import { type ParseResult, parseDocument } from '../../src/parse';
import { installRules } from '../../src/rules';
import { installYears, refreshYearMatches } from '../../src/years/compare';
import type { YearPairTruth } from '../../src/years/generate';
import { DATA_DIR, sampleResults } from './duckdb';

let generated: Promise<{ dir: string; truth: YearPairTruth[]; results: ParseResult[] }> | undefined;

/** The demo years written once per test file into a temporary folder, parsed, with their truth. */
export function demoYears(): Promise<{ dir: string; truth: YearPairTruth[]; results: ParseResult[] }> {
  generated ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'target-lens-years-'));
    const { truth } = await writeYears(DATA_DIR, dir);
    const results = readdirSync(dir)
      .filter((f) => f.startsWith('demo-'))
      .sort()
      .map((f) => parseDocument(readFileSync(join(dir, f), 'utf8'), f));
    return { dir, truth, results };
  })();
  return generated;
}

let db: Promise<Db> | undefined;

/** Samples plus demo years in one database, matched at the default threshold. */
export function demoYearsDb(): Promise<Db> {
  db ??= (async () => {
    const { results } = await demoYears();
    const engine = await openNodeDb();
    await loadParseResults(engine, [...sampleResults(), ...results]);
    await installRules(engine);
    await installFamilies(engine, []);
    await installYears(engine);
    await refreshYearMatches(engine);
    return engine;
  })();
  return db;
}
