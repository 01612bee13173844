/**
 * Findings CLI: `npm run -s findings -- FILE...` parses the files, loads them into DuckDB (the real
 * engine, DuckDB-WASM's Node build), runs every rule and prints a JSON array of findings to stdout.
 * Exit code 1 when a file could not be read.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeText } from '../src/data/decode';
import { loadParseResults } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { type ParseResult, parseDocument } from '../src/parse';
import { installRules } from '../src/rules';
import { FINDINGS_JSON_SQL, type FindingJson } from '../src/rules/findings-json';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run -s findings -- FILE...\n');
  process.exit(2);
}
let failed = false;
const results: ParseResult[] = [];
for (const file of files) {
  try {
    results.push(parseDocument(decodeText(await readFile(file)), basename(file)));
  } catch (err) {
    failed = true;
    process.stderr.write(`findings: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
  }
}
const db = await openNodeDb();
await loadParseResults(db, results);
await installRules(db);
const findings = await db.query<FindingJson>(FINDINGS_JSON_SQL);
process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
await db.close();
process.exitCode = failed ? 1 : 0;
