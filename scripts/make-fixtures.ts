/**
 * `npm run fixtures [-- OUT_DIR]`: writes the import fixtures (the samples as .docx, .xlsx, .xls,
 * .pdf and GBK text, and the bad files) to test-results/import-fixtures/, or OUT_DIR.
 */
import { makeFixtures } from './lib/fixtures';

const outDir = process.argv[2] ?? 'test-results/import-fixtures';
const started = performance.now();
const files = await makeFixtures(outDir);
process.stdout.write(
  `${files.length} fixtures in ${outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
);
