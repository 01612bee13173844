/**
 * `npm run rules:native -- PARQUET_DIR`: the app's rule SQL, unchanged, on native DuckDB over the
 * Parquet written by `npm run ingest -- … --parquet PARQUET_DIR`. Views named like the app's tables
 * read `PARQUET_DIR/<table>/**\/*.parquet` (hive partitioning by year and region); `installRules`
 * runs on them through the same `Db` interface as in the app. Prints findings per rule and the times.
 */
import { createViews } from '../src/db';
import { installRules, RULES } from '../src/rules';
import { createParquetViews, openNativeDb } from './lib/native-db';

const dir = process.argv[2];
if (!dir) throw new Error('usage: npm run rules:native -- PARQUET_DIR');
const t0 = performance.now();
const db = await openNativeDb();
await createParquetViews(db, dir);
await createViews(db);
const [size] = await db.query<{ documents: number; indicators: number }>(
  'SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM indicators) AS indicators',
);
const t1 = performance.now();
await installRules(db);
const t2 = performance.now();
const counts = await db.query<{ rule_id: string; severity: string; n: number }>(
  'SELECT rule_id, any_value(severity) AS severity, count(*) AS n FROM findings GROUP BY rule_id',
);
const byRule = new Map(counts.map((r) => [r.rule_id, r]));
const total = counts.reduce((s, r) => s + r.n, 0);
const lines = RULES.map(
  (r) => `  ${r.id.padEnd(32)} ${r.severity.padEnd(8)} ${String(byRule.get(r.id)?.n ?? 0).padStart(9)}`,
);
process.stdout.write(
  `${lines.join('\n')}\nrules:native: ${total} findings from ${RULES.length} rules over ${size?.documents} documents, ${size?.indicators} indicator rows (Parquet ${dir}); views ${((t1 - t0) / 1000).toFixed(2)} s, rules + findings table ${((t2 - t1) / 1000).toFixed(2)} s on native DuckDB\n`,
);
await db.close();
