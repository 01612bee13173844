/**
 * Findings at ingest (`npm run ingest -- --findings`): the app's rules, unchanged, run on native
 * DuckDB over the partitioned Parquet, and their raw findings are written as Arrow IPC beside the
 * dataset (one file, and one per year/region when partitions are written). The browser then loads
 * findings instead of running 30 rules over a province (46 s in DuckDB-WASM). Rules that compare
 * documents (boilerplate across the corpus) see the whole corpus here, as they would in the app.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { rowsToArrow } from '../../src/db/arrow';
import type { DatasetManifest } from '../../src/db/manifest';
import { installRules, RAW_FINDING_COLUMNS, rulesFingerprint } from '../../src/rules';
import { createParquetViews, openNativeDb } from './native-db';

/** The findings file of a dataset folder. */
export const FINDINGS_FILE = 'findings.arrow';

const COLUMNS = RAW_FINDING_COLUMNS.map((name) => ({ name, type: 'VARCHAR' as const }));

/** One year/region's findings file, relative to the partitions folder. */
export interface FindingsPartition {
  year: number | null;
  region: string | null;
  file: string;
  rows: number;
  bytes: number;
}

export interface FindingsResult {
  manifest: NonNullable<DatasetManifest['findings']>;
  partitions: FindingsPartition[];
  seconds: { rules: number; write: number };
}

const safe = (s: string | number | null) => encodeURIComponent(String(s ?? 'NULL'));

/**
 * Runs the rules over the Parquet in `parquetDir` and writes `outDir/findings.arrow` (and, when
 * `partitionsDir` is given, `year=…/region=…/findings.arrow` under it).
 */
export async function writeFindings(
  parquetDir: string,
  outDir: string,
  partitionsDir: string | null,
): Promise<FindingsResult> {
  const db = await openNativeDb();
  try {
    let t0 = performance.now();
    await createParquetViews(db, parquetDir);
    await installRules(db);
    const rows = await db.query<Record<string, string | number | null>>(
      `SELECT year, region, ${RAW_FINDING_COLUMNS.join(', ')} FROM findings
       ORDER BY year, region, doc_id, project_id NULLS FIRST, indicator_id NULLS FIRST, rule_id, message`,
    );
    const rulesSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const bytes = tableToIPC(rowsToArrow(COLUMNS, rows), 'stream');
    writeFileSync(join(outDir, FINDINGS_FILE), bytes);
    const partitions: FindingsPartition[] = [];
    if (partitionsDir) {
      // Rows come sorted by year and region, so the groups keep that order.
      const groups = new Map<string, typeof rows>();
      for (const r of rows) {
        const key = `${r.year}\u0000${r.region}`;
        const group = groups.get(key);
        if (group) group.push(r);
        else groups.set(key, [r]);
      }
      for (const part of groups.values()) {
        const { year, region } = part[0] as { year: number | null; region: string | null };
        const file = `year=${safe(year)}/region=${safe(region)}/${FINDINGS_FILE}`;
        const ipc = tableToIPC(rowsToArrow(COLUMNS, part), 'stream');
        mkdirSync(dirname(join(partitionsDir, file)), { recursive: true });
        writeFileSync(join(partitionsDir, file), ipc);
        partitions.push({ year, region, file, rows: part.length, bytes: ipc.byteLength });
      }
    }
    return {
      manifest: { file: FINDINGS_FILE, rows: rows.length, bytes: bytes.byteLength, rules: rulesFingerprint() },
      partitions,
      seconds: { rules: rulesSeconds, write: (performance.now() - t0) / 1000 },
    };
  } finally {
    await db.close();
  }
}
