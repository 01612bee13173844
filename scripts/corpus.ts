/**
 * `npm run corpus -- --counties N [--departments 60] [--projects 15] [--indicators 10]
 * [--years 2023,2024,2025] [--seed S] [--data data] --out DIR`: writes a synthetic corpus of
 * N counties × departments × years (documents named `synthetic-…`, region codes 99xxxx) to
 * DIR/<year>/<region code>/, built from the samples in data/, with corpus.json. Progress on stderr.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS_SEED, writeCorpus } from './lib/corpus';
import { readSamples } from './lib/years';

const { values } = parseArgs({
  options: {
    counties: { type: 'string', default: '1' },
    departments: { type: 'string', default: '60' },
    projects: { type: 'string', default: '15' },
    indicators: { type: 'string', default: '10' },
    years: { type: 'string', default: '2023,2024,2025' },
    seed: { type: 'string', default: String(DEFAULT_CORPUS_SEED) },
    data: { type: 'string', default: 'data' },
    out: { type: 'string' },
  },
});
if (!values.out) throw new Error('--out DIR is required');
const started = performance.now();
let last = 0;
const manifest = await writeCorpus(
  await readSamples(values.data),
  {
    counties: Number(values.counties),
    departments: Number(values.departments),
    projects: Number(values.projects),
    indicators: Number(values.indicators),
    years: values.years.split(',').map(Number),
    seed: Number(values.seed),
  },
  values.out,
  (done, total, bytes) => {
    const now = performance.now();
    if (now - last < 1000 && done < total) return;
    last = now;
    const s = (now - started) / 1000;
    process.stderr.write(`corpus: ${done}/${total} documents, ${(bytes / 1e6).toFixed(1)} MB, ${s.toFixed(0)} s\n`);
  },
);
process.stdout.write(
  `${manifest.documents} synthetic documents, ${manifest.projects} projects, ${manifest.indicators} indicator rows, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${values.out} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
