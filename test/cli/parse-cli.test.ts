import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

async function parseCli(...files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/parse.ts', ...files], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const FIELDS = ['file', 'year', 'yearInferred', 'department', 'region', 'overall', 'projects', 'diagnostics'];
const PROJECT_FIELDS = [
  'seq',
  'unitCode',
  'unitName',
  'code',
  'name',
  'budget',
  'purpose',
  'schedule',
  'objectives',
  'indicators',
];

describe('parse CLI', () => {
  it('prints a JSON array with one object per file and the documented fields, exit 0', async () => {
    const { code, stdout } = await parseCli('data/000_f89d2670d01150aa.txt', 'data/001_a1f1e70e06024129.txt');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      file: string;
      projects: Record<string, unknown>[];
      diagnostics: Record<string, unknown>[];
    }[];
    expect(out.map((d) => d.file)).toEqual(['000_f89d2670d01150aa.txt', '001_a1f1e70e06024129.txt']);
    for (const d of out) for (const f of FIELDS) expect(d).toHaveProperty(f);
    const project = out[0]?.projects[0] as Record<string, unknown>;
    for (const f of PROJECT_FIELDS) expect(project).toHaveProperty(f);
    expect(project.schedule).toHaveProperty('kind');
    expect(project.schedule).toHaveProperty('raw');
    expect(project.schedule).toHaveProperty('percent');
    const indicator = (project.indicators as Record<string, unknown>[])[0];
    for (const f of ['level1', 'level2', 'level3', 'description', 'value', 'basis'])
      expect(indicator).toHaveProperty(f);
    for (const f of ['raw', 'op', 'number', 'unit', 'kind']) expect(indicator?.value).toHaveProperty(f);
    expect(out[1]?.diagnostics[0]).toEqual(
      expect.objectContaining({
        severity: expect.any(String),
        message: expect.any(String),
        line: expect.any(Number),
        project: expect.any(Number),
      }),
    );
  });

  it('reports a missing file and a file without tables, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, '这不是绩效文本\n只是几行字\n');
    const { code, stdout } = await parseCli(join(dir, 'missing.txt'), junk, 'data/004_cd6aa045fd0140d4.txt');
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as {
      file: string;
      diagnostics: { severity: string; code: string }[];
      projects?: unknown[];
    }[];
    expect(out.map((d) => d.file)).toEqual(['missing.txt', 'junk.txt', '004_cd6aa045fd0140d4.txt']);
    expect(out[0]?.diagnostics[0]).toMatchObject({ severity: 'error', code: 'FILE_UNREADABLE' });
    expect(out[1]?.diagnostics.some((d) => d.severity === 'error' && d.code === 'NO_TABLES')).toBe(true);
    expect(out[2]?.projects).toHaveLength(4);
  });

  it('reads GB18030 and UTF-16 files to the same records as UTF-8', async () => {
    const { stdout } = await parseCli(
      'data/004_cd6aa045fd0140d4.txt',
      'test/fixtures/004-gb18030.txt',
      'test/fixtures/004-utf16le.txt',
    );
    const [utf8, gbk, utf16] = JSON.parse(stdout) as { projects: unknown[]; department: string }[];
    expect(utf8?.projects).toHaveLength(4);
    expect(gbk?.projects).toEqual(utf8?.projects);
    expect(utf16?.projects).toEqual(utf8?.projects);
    expect(gbk?.department).toBe('乐亭县机关事务中心');
  });
});
