import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { CATEGORIES } from '../../src/rules';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

it('npm run -s findings -- FILE... prints findings as JSON with the documented fields', async () => {
  const { stdout } = await run(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/findings.ts', 'data/001_a1f1e70e06024129.txt'],
    { cwd: ROOT, maxBuffer: 64 << 20 },
  );
  const findings = JSON.parse(stdout) as Record<string, unknown>[];
  expect(findings.length).toBeGreaterThan(10);
  for (const f of findings) {
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(['rule', 'category', 'severity', 'file', 'project', 'indicator', 'message']),
    );
    expect(CATEGORIES).toContain(f.category);
    expect(['high', 'warning', 'info']).toContain(f.severity);
    expect(f.file).toBe('001_a1f1e70e06024129.txt');
  }
  expect(findings).toContainEqual(expect.objectContaining({ rule: 'adverse_with_ge', project: 3, indicator: 1 }));
}, 60_000);
