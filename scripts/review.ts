/**
 * Review comments: `npm run -s review -- --out DIR FILE...` parses the files, runs every rule and
 * writes, per department, `<部门>-审核意见.csv` and `.xlsx` into DIR. Prints the files written to stderr.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { decodeText } from '../src/data/decode';
import { loadParseResults } from '../src/db';
import { openNodeDb } from '../src/db/node';
import { parseDocument } from '../src/parse';
import { installRules } from '../src/rules';
import { type ReviewRow, reviewQuery, reviewTable, sheetName, toCsv, toXlsx } from '../src/rules/review';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args[outAt + 1] : undefined;
const files = args.filter((_, i) => i !== outAt && i !== outAt + 1);
if (!outDir || files.length === 0) {
  process.stderr.write('usage: npm run -s review -- --out DIR FILE...\n');
  process.exit(2);
}
const results = await Promise.all(files.map(async (f) => parseDocument(decodeText(await readFile(f)), basename(f))));
const db = await openNodeDb();
await loadParseResults(db, results);
await installRules(db);
await mkdir(outDir, { recursive: true });
const docs = await db.query<{ doc_id: string; department: string | null }>(
  'SELECT doc_id, department FROM documents ORDER BY doc_id',
);
for (const d of docs) {
  const table = reviewTable(await db.query<ReviewRow>(reviewQuery(d.doc_id)));
  const stem = `${(d.department ?? d.doc_id).replace(/[\\/:*?"<>|]/g, '_')}-审核意见`;
  await writeFile(join(outDir, `${stem}.csv`), toCsv(table));
  await writeFile(
    join(outDir, `${stem}.xlsx`),
    new Uint8Array(await (await toXlsx(table, sheetName(d.department ?? '审核意见'))).arrayBuffer()),
  );
  process.stderr.write(`review: ${table.length - 1} comments → ${join(outDir, stem)}.csv / .xlsx\n`);
}
await db.close();
