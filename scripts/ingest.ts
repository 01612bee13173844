/**
 * `npm run ingest [-- DATA_DIR [OUT_DIR]]`: parses every document under data/ and writes the tables
 * as Arrow IPC files plus manifest.json under public/data/, which the app loads at start, and the
 * generated demo years (previous and following year of each sample) under public/demo/.
 */
import { join } from 'node:path';
import { DATASET_DIR } from '../src/db';
import { ingestFolder } from './lib/dataset';
import { writeYears } from './lib/years';

const root = join(import.meta.dirname, '..');
const dataDir = process.argv[2] ?? join(root, 'data');
const outDir = process.argv[3] ?? join(root, 'public', DATASET_DIR);
const started = performance.now();
const { results, manifest } = await ingestFolder(dataDir, outDir);
// The generated previous and following years, which the years view offers as a labelled demo.
const demo = await writeYears(dataDir, join(outDir, '..', 'demo'));
const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
const rows = manifest.tables.map((t) => `${t.name} ${t.rows}`).join(', ');
process.stderr.write(
  `ingest: ${results.length} documents → ${outDir} (${rows}; ${errors} parse errors), ${demo.manifest.files.length} demo years → public/demo, in ${Math.round(performance.now() - started)} ms\n`,
);
