import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { parseDocument } from '../../src/parse';
import { fileReport } from '../../src/store/import-report';
import { partition } from '../../src/views/import/collect';
import { reportTable, whereText } from '../../src/views/import/report';
import type { FileOutcome } from '../../src/worker';

const ROOT = join(import.meta.dirname, '../..');
const FILE = '002_ac5e126242d67814.txt';
const result = parseDocument(readFileSync(join(ROOT, 'data', FILE), 'utf8'), FILE);
const t = messages('zh');

function ok(kind: 'text' | 'pdf' | 'docx', pages?: number[]): FileOutcome {
  return { ok: true, name: FILE, kind, size: 1, result, pages, notes: [], ms: 1 };
}

describe('import report', () => {
  it('counts what the parser found in the file', () => {
    const r = fileReport(ok('text'), false);
    expect(r.department).toBe(result.document.department);
    expect(r.projects).toBe(result.document.projects.length);
    expect(r.indicators).toBe(result.document.projects.reduce((n, p) => n + p.indicators.length, 0));
    expect(r.diagnostics).toHaveLength(result.diagnostics.length);
  });

  it('locates diagnostics by line in text, by page in PDFs, and by table in both', () => {
    const withLine = result.diagnostics.findIndex((d) => d.line !== null && d.project !== null);
    expect(withLine).toBeGreaterThanOrEqual(0);
    const d = result.diagnostics[withLine];
    const text = fileReport(ok('text'), false).diagnostics[withLine];
    expect(text).toMatchObject({ line: d?.line, page: null, table: d?.project });
    // A PDF whose extracted text has 40 lines a page.
    const pages = Array.from({ length: 100_000 }, (_, i) => Math.floor(i / 40) + 1);
    const pdf = fileReport(ok('pdf', pages), false).diagnostics[withLine];
    expect(pdf).toMatchObject({ line: null, page: Math.floor(((d?.line ?? 0) - 1) / 40) + 1, table: d?.project });
    expect(whereText(pdf ?? (null as never), t)).toBe(`第 ${pdf?.page} 页 第 ${d?.project} 张表`);
  });

  it('says why a file was not imported, and exports one CSV row per diagnostic', () => {
    const failed = fileReport({ ok: false, name: 'x.pdf', kind: 'pdf', size: 9, code: 'encrypted', detail: '' }, false);
    const table = reportTable(
      { at: '2026-01-01T00:00:00Z', seconds: 1, files: [fileReport(ok('docx'), true), failed], skipped: ['a.rtf'] },
      t,
    );
    expect(table[0]).toEqual(['文件', '格式', '结果', '读到的内容', '级别', '位置', '诊断']);
    expect(table).toHaveLength(1 + Math.max(1, result.diagnostics.length) + 1 + 1);
    expect(table.at(-2)?.slice(0, 4)).toEqual(['x.pdf', 'pdf', '未导入', t.errEncrypted]);
    expect(table.at(-1)?.slice(0, 4)).toEqual(['a.rtf', '', '未导入', t.errUnsupported]);
    expect(table[1]?.[2]).toBe('已替换同名文档');
  });
});

describe('choosing files to import', () => {
  const file = (name: string) => new File(['x'], name);
  it('keeps every file chosen one by one, and only documents from folders', () => {
    const chosen = [file('a.docx'), file('b.png')];
    const inFolder = [file('c.pdf'), file('d.jpg'), file('.DS_Store'), file('~$e.docx')];
    const folder = new Set(inFolder);
    const out = partition([...chosen, ...inFolder], (f) => folder.has(f));
    expect(out.files.map((f) => f.name)).toEqual(['a.docx', 'b.png', 'c.pdf']);
    expect(out.skipped).toEqual(['d.jpg']);
  });
});
