import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures } from '../../scripts/lib/fixtures';
import { wan } from '../../src/charts/format';
import { docIdOf } from '../../src/db';
import { parseDocument, type TargetDocument } from '../../src/parse';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';

const FIXTURES = join(ROOT, 'test-results', 'import-fixtures');
const STEMS = readdirSync(join(ROOT, 'data'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => f.replace(/\.txt$/, ''));
const text = new Map<string, TargetDocument>(
  STEMS.map((s) => [s, parseDocument(readFileSync(join(ROOT, 'data', `${s}.txt`), 'utf8'), `${s}.txt`).document]),
);
/** One format per sample: the same documents as Word, PDF, Excel and GBK text. */
const IMPORTS = [`${STEMS[0]}.docx`, `${STEMS[1]}.pdf`, `${STEMS[2]}.xlsx`, `${STEMS[3]}.gbk.txt`];
const ROWS = '[data-testid=documents] > tbody > tr[data-file]';
const REPORT_ROWS = '[data-testid=import-report] tbody tr[data-file]';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), buildAndServe(), makeFixtures(FIXTURES)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The sample a fixture was made from (its stem up to the first dot). */
function sampleOf(file: string): TargetDocument {
  const doc = text.get(file.split('.')[0] as string);
  if (!doc) throw new Error(`no sample for ${file}`);
  return doc;
}

async function documentRows(page: Page): Promise<{ file: string | null; projects: string; budget: string }[]> {
  return page.locator(ROWS).evaluateAll((rows) =>
    rows.map((r) => ({
      file: r.getAttribute('data-file'),
      projects: r.querySelector('[data-col=projects]')?.textContent ?? '',
      budget: r.querySelector('[data-col=budget]')?.textContent ?? '',
    })),
  );
}

async function waitForImport(page: Page, run: number): Promise<void> {
  await page.locator(`[data-testid=import-status][data-runs="${run}"][data-status=done]`).waitFor({ timeout: 60_000 });
}

describe('importing .docx, .pdf, .xlsx and GBK text in Chromium, kept across reloads', () => {
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}?view=documents`);
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('switches the embedded samples off, and the choice survives a reload', async () => {
    await page.getByTestId('samples-enabled').uncheck();
    await expect.poll(() => page.locator(ROWS).count(), { timeout: 15_000 }).toBe(0);
    await page.reload();
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('samples-enabled').isChecked()).toBe(false);
    expect(await page.locator(ROWS).count()).toBe(0);
  });

  it('imports one sample each as Word, PDF, Excel and GBK text, with the projects and budgets of the text versions', async () => {
    await page.getByTestId('import-input').setInputFiles(IMPORTS.map((f) => join(FIXTURES, f)));
    await waitForImport(page, 1);
    expect(await page.locator(`${REPORT_ROWS}[data-ok=true]`).count()).toBe(IMPORTS.length);
    const rows = await documentRows(page);
    expect(rows.map((r) => r.file).sort()).toEqual([...IMPORTS].sort());
    for (const row of rows) {
      const doc = sampleOf(row.file ?? '');
      expect(row.projects, row.file ?? '').toBe(String(doc.projects.length));
      expect(row.budget, row.file ?? '').toBe(wan(doc.projects.reduce((n, p) => n + (p.budget.total ?? 0), 0)));
    }
  });

  it('shows the imported departments in the overview', async () => {
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('filter-department').waitFor();
    const options = await page.getByTestId('filter-department').locator('option').allTextContents();
    for (const f of IMPORTS) expect(options).toContain(sampleOf(f).department);
    const projects = IMPORTS.reduce((n, f) => n + sampleOf(f).projects.length, 0);
    await expect.poll(() => page.locator('[data-figure="projects"] dd').textContent()).toBe(String(projects));
  });

  it('still has them after a reload, and removes one', async () => {
    await page.goto(`${server.url}?view=documents`);
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await documentRows(page)).map((r) => r.file).sort(), { timeout: 15_000 })
      .toEqual([...IMPORTS].sort());
    const removed = IMPORTS[1] as string;
    await page.locator(`${ROWS}[data-file="${removed}"] [data-testid=remove-document]`).click();
    await expect.poll(() => page.locator(ROWS).count(), { timeout: 15_000 }).toBe(IMPORTS.length - 1);
    await page.reload();
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await documentRows(page)).map((r) => r.file).sort(), { timeout: 15_000 })
      .toEqual(IMPORTS.filter((f) => f !== removed).sort());
  });

  it('re-importing a document replaces it instead of adding a second one', async () => {
    await page.getByTestId('import-input').setInputFiles(join(FIXTURES, IMPORTS[0] as string));
    await waitForImport(page, 1);
    expect(await page.locator(`${REPORT_ROWS}[data-ok=true]`).textContent()).toContain('已替换同名文档');
    expect(await page.locator(ROWS).count()).toBe(IMPORTS.length - 1);
  });

  it('gives broken, empty, encrypted and unrelated files a clear message without disturbing the others', async () => {
    const bad = {
      'broken.docx': '文件已损坏',
      'encrypted.pdf': '文件已加密',
      'empty.txt': '文件是空的',
      'image.png': '这不是文本文档',
      'unrelated.txt': '没有找到绩效目标表',
    };
    const good = `${STEMS[4]}.docx`;
    await page.getByTestId('import-input').setInputFiles([...Object.keys(bad), good].map((f) => join(FIXTURES, f)));
    await waitForImport(page, 2);
    for (const [file, message] of Object.entries(bad)) {
      const row = page.locator(`${REPORT_ROWS}[data-file="${file}"]`);
      expect(await row.getAttribute('data-ok'), file).toBe('false');
      expect(await row.locator('[data-col=found]').textContent(), file).toContain(message);
    }
    expect(await page.locator(`${REPORT_ROWS}[data-file="${good}"]`).getAttribute('data-ok')).toBe('true');
    await expect.poll(() => page.locator(`${ROWS}[data-file="${good}"]`).count()).toBe(1);
  });

  it('imports a whole folder, skipping what is not a document', async () => {
    const folder = join(ROOT, 'test-results', 'import-folder');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, 'sub'), { recursive: true });
    copyFileSync(join(FIXTURES, `${STEMS[4]}.xlsx`), join(folder, 'sub', `${STEMS[4]}.xlsx`));
    writeFileSync(join(folder, 'notes.rtf'), '{\\rtf1 not a target document}');
    await page.getByTestId('import-folder-input').setInputFiles(folder);
    await waitForImport(page, 3);
    expect(await page.locator(`${REPORT_ROWS}[data-ok=true]`).getAttribute('data-file')).toBe(`${STEMS[4]}.xlsx`);
    expect(await page.getByTestId('import-report').textContent()).toContain('notes.rtf');
  });

  it('imports files dropped on the page', async () => {
    const bytes = [...readFileSync(join(ROOT, 'data', `${STEMS[2]}.txt`))];
    await page.getByTestId('nav-overview').click();
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'dropped.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await waitForImport(page, 4);
    await page.getByTestId('nav-documents').click();
    await expect.poll(() => page.locator(`${ROWS}[data-file="dropped.txt"]`).count()).toBe(1);
  });

  it('brings the samples back when switched on, except those an imported file of the same name replaced', async () => {
    const imported = (await documentRows(page)).map((r) => r.file ?? '');
    const replaced = new Set(imported.map(docIdOf));
    const expected = [...imported, ...STEMS.filter((s) => !replaced.has(s)).map((s) => `${s}.txt`)].sort();
    expect(expected.length).toBeGreaterThan(imported.length);
    await page.getByTestId('samples-enabled').check();
    await expect
      .poll(async () => (await documentRows(page)).map((r) => r.file).sort(), { timeout: 15_000 })
      .toEqual(expected);
  });

  it('leaves what was there intact when the browser storage refuses an import (quota)', async () => {
    const before = await documentRows(page);
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { restorePut: () => void }).restorePut = () => {
        IDBObjectStore.prototype.put = put;
      };
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByTestId('import-input').setInputFiles(join(FIXTURES, `${STEMS[1]}.xlsx`));
    const status = page.locator('[data-testid=import-status][data-status=error]');
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toContain('保存失败');
    expect(await documentRows(page)).toEqual(before);
    await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut());
    await page.reload();
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
    await expect.poll(() => documentRows(page), { timeout: 15_000 }).toEqual(before);
  });

  it('keeps the last import report across a reload and exports it as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('import-report-export').click();
    const path = await (await download).path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.startsWith('\ufeff"文件"')).toBe(true);
    expect(csv).toContain('dropped.txt');
  });

  it('sent no request outside its own origin, under a policy that forbids it', async () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))).toEqual([]);
    const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(csp).toContain("connect-src 'self'");
    const scriptSrc = csp?.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self' 'wasm-unsafe-eval'"); // no inline script in the build
    const blocked = await page.evaluate(async () => {
      const violation = new Promise<string>((done) =>
        document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true }),
      );
      const fetched = await fetch('http://example.com/').then(
        () => 'fetched',
        () => 'refused',
      );
      return { fetched, directive: await violation };
    });
    expect(blocked).toEqual({ fetched: 'refused', directive: 'connect-src' });
    expect(pageErrors).toEqual([]);
  });
});
