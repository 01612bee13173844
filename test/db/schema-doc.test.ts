import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { schemaMarkdown } from '../../src/db/schema-doc';

it('the README documents the schema exactly as src/db/schema.ts defines it (npm run -s docs:schema)', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  expect(readme).toContain(schemaMarkdown());
});
