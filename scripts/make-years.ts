/**
 * `npm run years [-- --out DIR] [--data DIR] [--seed N]`: writes, for every sample in data/, the
 * department's previous and following year as demo documents, with truth.json (what changed between
 * consecutive years) and manifest.json, to public/demo/ or DIR. The samples themselves stay the base year.
 */
import { parseArgs } from 'node:util';
import { writeYears, YEARS_SEED } from './lib/years';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'public/demo' },
    data: { type: 'string', default: 'data' },
    seed: { type: 'string', default: String(YEARS_SEED) },
  },
});
const seed = Number(values.seed);
if (!Number.isFinite(seed)) throw new Error(`invalid --seed: ${values.seed}`);
const started = performance.now();
const { manifest, truth } = await writeYears(values.data, values.out, seed);
process.stdout.write(
  `${manifest.files.length} documents and ${truth.length} year pairs in ${values.out} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
