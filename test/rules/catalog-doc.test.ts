import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { catalogMarkdown } from '../../src/rules/catalog-doc';

it('the README lists the rule catalogue as src/rules/catalog defines it (npm run -s docs:rules)', () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  expect(readme).toContain(catalogMarkdown());
});
