/**
 * `npm run ingest [-- DATA_DIR [OUT_DIR]]`: parses every document under data/ and writes the tables
 * as Arrow IPC files plus manifest.json under public/data/, which the app loads at start, and the
 * generated demo years (previous and following year of each sample) under public/demo/.
 *
 * At scale (`-- CORPUS_DIR OUT_DIR --workers N [--arrow-partitions] [--parquet DIR] [--findings]`): parses every
 * document under CORPUS_DIR (recursively) on N worker threads, appends the tables batch by batch to
 * the Arrow IPC files in OUT_DIR, optionally also one set of Arrow files per year/region
 * (OUT_DIR/partitions/, with partitions.json), and optionally Parquet partitioned by year and region
 * through native DuckDB, and optionally the rules' findings (native DuckDB over that Parquet), which
 * the app then loads instead of running the rules. No demo years are written then. Progress goes to
 * stderr. A dataset under public/datasets/NAME/ opens with the app's `?dataset=NAME`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_DIR } from '../src/db';
import { DEMO_DIR } from '../src/years/demo';
import { ingestFolder } from './lib/dataset';
import { formatProgress, ingestParallel } from './lib/ingest-parallel';
import { writeYears } from './lib/years';

const root = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string' },
    'arrow-partitions': { type: 'boolean', default: false },
    parquet: { type: 'string' },
    findings: { type: 'boolean', default: false },
  },
});
const dataDir = positionals[0] ?? join(root, 'data');
const outDir = positionals[1] ?? join(root, 'public', DATASET_DIR);
const started = performance.now();

if (values.workers === undefined && !values['arrow-partitions'] && values.parquet === undefined && !values.findings) {
  const { results, manifest } = await ingestFolder(dataDir, outDir);
  // The generated previous and following years, which the years view offers as a labelled demo.
  const demo = await writeYears(dataDir, join(outDir, '..', DEMO_DIR));
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const rows = manifest.tables.map((t) => `${t.name} ${t.rows}`).join(', ');
  process.stderr.write(
    `ingest: ${results.length} documents → ${outDir} (${rows}; ${errors} parse errors), ${demo.manifest.files.length} demo years → public/demo, in ${Math.round(performance.now() - started)} ms\n`,
  );
} else {
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))
    throw new Error(`invalid --workers: ${values.workers}`);
  const tty = process.stderr.isTTY;
  const result = await ingestParallel(dataDir, {
    workers,
    outDir,
    arrowPartitions: values['arrow-partitions'],
    parquetDir: values.parquet ?? null,
    findings: values.findings,
    onProgress: (p) => {
      if (p.phase === 'done') return;
      process.stderr.write(tty ? `\r${formatProgress(p, dataDir)}\u001b[K` : `${formatProgress(p, dataDir)}\n`);
    },
  });
  if (tty) process.stderr.write('\n');
  const rows = Object.entries(result.rows)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  const s = result.seconds;
  process.stderr.write(
    `ingest: ${result.documents} documents (${(result.bytes / 1e6).toFixed(1)} MB) on ${result.workers} workers → ${outDir}${values['arrow-partitions'] ? ' (+ partitions/)' : ''}${values.parquet ? ` + Parquet ${values.parquet}` : ''} (${rows}; ${result.errors} parse errors) in ${s.total.toFixed(1)} s (parse + Arrow ${s.parse.toFixed(1)} s, ${(result.bytes / 1e6 / s.parse).toFixed(1)} MB/s; Parquet ${s.parquet.toFixed(1)} s${values.findings ? `; ${result.findings} findings in ${s.findings.toFixed(1)} s` : ''})\n`,
  );
}
