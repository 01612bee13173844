import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse';

const DATA = join(import.meta.dirname, '../../data');
const SAMPLES = readdirSync(DATA).filter((f) => f.endsWith('.txt'));

/**
 * Golden files: the full ParseResult of each sample, records and diagnostics, reviewed field by
 * field against the source text. Regenerate on purpose with `npx vitest run -u test/parse/golden.test.ts`
 * and review the diff; under CI a missing or changed golden fails.
 */
describe('golden parse of the samples', () => {
  for (const file of SAMPLES) {
    it(`parseDocument(${file}) matches test/golden/${file.replace(/\.txt$/, '.json')}`, async () => {
      const result = parseDocument(readFileSync(join(DATA, file), 'utf8'), file);
      await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(
        `../golden/${file.replace(/\.txt$/, '.json')}`,
      );
    });
  }
});
