/**
 * Faults, simulated in Chromium on the built app: a reload during an import, an import worker and the
 * engine's worker that die, damaged storage, and a query and an import that run out of memory. After
 * each one the page says what happened, and the documents imported before it are all still there:
 * in the page, in the engine and in IndexedDB. (A full storage quota is tested in import.test.ts.)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';

const ROWS = '[data-testid=documents] > tbody > tr[data-file]';
const SAMPLES = readdirSync(join(ROOT, 'data'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const sample = (i: number) => readFileSync(join(ROOT, 'data', SAMPLES[i] as string));
/** The two documents imported first, which every fault must leave intact. */
const KEPT = [
  { name: 'kept-a.txt', mimeType: 'text/plain', buffer: sample(1) },
  { name: 'kept-b.txt', mimeType: 'text/plain', buffer: sample(4) },
];

const BULKY_DIR = join(ROOT, 'test-results', 'faults');

/**
 * A file of one sample's projects repeated (a path: Playwright hands at most 50 MB over as buffers);
 * 120 copies are 6.5 MB, a few hundred milliseconds of reading for the import worker.
 */
function bulky(name: string, copies = 120): string {
  mkdirSync(BULKY_DIR, { recursive: true });
  const text = sample(2).toString('utf8');
  const path = join(BULKY_DIR, name);
  writeFileSync(path, Array.from({ length: copies }, () => text).join('\n'));
  return path;
}

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), buildAndServe()]);
  context = await browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function documentFiles(p: Page = page): Promise<string[]> {
  return (await p.locator(ROWS).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file') ?? ''))).sort();
}

/** Documents stored in IndexedDB, by file name (what survives a reload). */
function storedFiles(p: Page = page): Promise<string[]> {
  return p.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('target-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('documents').objectStore('documents').getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { fileName: string }[]).map((d) => d.fileName).sort());
          };
        };
      }),
  );
}

/** Rows per document in the engine, through the SQL console's guard (`?bench` opens the hook). */
function engineCounts(): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const hook = (window as unknown as { __targetLensBench: { raw(sql: string): Promise<{ rows: unknown[] }> } })
      .__targetLensBench;
    const { rows } = await hook.raw(
      "SELECT doc_id, count(*)::INTEGER AS n FROM indicators WHERE doc_id LIKE 'kept-%' GROUP BY 1 ORDER BY 1",
    );
    return Object.fromEntries((rows as { doc_id: string; n: number }[]).map((r) => [r.doc_id, r.n]));
  });
}

/** Runs `sql` on the app's engine through the bench hook, once the engine has started. */
function engineSql(sql: string): Promise<unknown[]> {
  return page.evaluate(async (sql) => {
    for (let i = 0; i < 600; i++) {
      const hook = (window as unknown as { __targetLensBench?: { raw(sql: string): Promise<{ rows: unknown[] }> } })
        .__targetLensBench;
      if (hook) return (await hook.raw(sql)).rows;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the engine did not start');
  }, sql);
}

async function setMemoryLimit(limit: string): Promise<void> {
  await engineSql(`SET memory_limit = '${limit}'`);
}

async function openDocuments(): Promise<void> {
  await page.goto(`${server.url}?view=documents&bench`);
  await page.locator('[data-testid=documents]').waitFor({ timeout: 60_000 });
}

/** The import status once the `run`-th import of this page has ended as `status`. */
async function importEnded(run: number, status: 'done' | 'error' | 'cancelled') {
  const el = page.locator(`[data-testid=import-status][data-runs="${run}"][data-status=${status}]`);
  await el.waitFor({ timeout: 90_000 }).catch(async (err: Error) => {
    const now = page.getByTestId('import-status');
    const seen = `${await now.getAttribute('data-runs')}/${await now.getAttribute('data-status')}: ${await now.textContent()}`;
    throw new Error(`import ${run} did not end as ${status} (now ${seen}): ${err.message}`);
  });
  return (await el.textContent()) ?? '';
}

/** The kept documents are still in IndexedDB (when the engine is down, storage is all there is to check). */
async function expectKeptStored(): Promise<void> {
  await expect.poll(() => storedFiles(), { timeout: 10_000 }).toEqual(KEPT.map((f) => f.name));
}

/** What a fault must leave: the kept documents in the page, in storage and (row for row) in the engine. */
async function expectKeptIntact(counts: Record<string, number>): Promise<void> {
  await expect
    .poll(() => documentFiles(), { timeout: 60_000 })
    .toEqual(expect.arrayContaining(KEPT.map((f) => f.name)));
  await expect.poll(() => storedFiles(), { timeout: 10_000 }).toEqual(KEPT.map((f) => f.name));
  await expect.poll(() => engineCounts(), { timeout: 60_000 }).toEqual(counts);
}

/**
 * Imports `files` through the file input; resolves with the run number of that import and its worker
 * once the worker has started reading them.
 */
async function startImport(files: string[]): Promise<{ run: number; worker: Worker }> {
  const run = Number(await page.getByTestId('import-status').getAttribute('data-runs')) + 1;
  const worker = page.waitForEvent('worker', { predicate: (w) => w.url().includes('parse.worker') });
  await page.getByTestId('import-input').setInputFiles(files);
  return { run, worker: await worker };
}

/** The start-up notice of an interrupted import lists every one of `files` as not imported, none as saved. */
async function expectInterruptedNotice(files: string[]): Promise<void> {
  const notice = page.locator('[data-testid=notice][data-kind=import-interrupted]');
  await notice.waitFor({ timeout: 60_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain('上次导入在完成前页面被关闭或刷新');
  expect(text).toContain(`未导入，请重新导入：${files.map((f) => basename(f)).join('、')}。`);
  expect(text).not.toContain('已保存');
}

/** Reloads the page: the kept documents are all there and no notice is shown. */
async function reloadQuietly(counts: Record<string, number>): Promise<void> {
  await page.reload();
  await page.locator('[data-testid=documents]').waitFor({ timeout: 60_000 });
  await expectKeptIntact(counts);
  expect(await page.locator('[data-testid=notice]').count()).toBe(0);
}

describe('faults leave the documents imported before them intact (built app in Chromium)', { timeout: 180_000 }, () => {
  let counts: Record<string, number>;

  it('imports two documents to keep', async () => {
    await openDocuments();
    await page.getByTestId('import-input').setInputFiles(KEPT);
    expect(await importEnded(1, 'done')).toContain('2');
    counts = await engineCounts();
    expect(Object.keys(counts)).toEqual(['kept-a', 'kept-b']);
    expect(await storedFiles()).toEqual(['kept-a.txt', 'kept-b.txt']);
  });

  it('a reload during an import: the next start says which files were not imported', async () => {
    const batch = Array.from({ length: 6 }, (_, i) => bulky(`reloaded-${i}.txt`));
    // Reloaded once the files are being read (the import worker has started).
    await startImport(batch);
    await page.reload();
    await expectInterruptedNotice(batch);
    await expectKeptIntact(counts);
    // Told once: the next start says nothing more.
    await reloadQuietly(counts);
  });

  it('a tab closed during an import: a new tab says which files were not imported', async () => {
    const batch = Array.from({ length: 4 }, (_, i) => bulky(`closed-${i}.txt`));
    await startImport(batch);
    await page.close();
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openDocuments();
    await expectInterruptedNotice(batch);
    await expectKeptIntact(counts);
  });

  it('a long import can be cancelled while its files are read: nothing is stored', async () => {
    // Cancelled while the worker reads, from the keyboard (focus the button, Enter).
    const { run } = await startImport(Array.from({ length: 4 }, (_, i) => bulky(`cancelled-${i}.txt`)));
    await page.getByTestId('import-cancel').focus();
    await page.keyboard.press('Enter');
    expect(await importEnded(run, 'cancelled')).toBe('导入已取消，原有数据未改动');
    await expectKeptIntact(counts);
    expect(await documentFiles()).not.toContain('cancelled-0.txt');
  });

  it('an import worker that dies: the import fails with a message, nothing else changes', async () => {
    const { run, worker } = await startImport(Array.from({ length: 4 }, (_, i) => bulky(`dies-${i}.txt`, 300)));
    // Once it reads (so it holds its lock), the worker ends itself before its next file, as a worker
    // the browser kills would just stop.
    await page.locator('[data-testid=import-status]', { hasText: '：dies-' }).waitFor({ timeout: 30_000 });
    const t0 = Date.now();
    // Not awaited: the worker takes the request only between two files.
    void worker.evaluate('self.close()').catch(() => undefined);
    const status = await importEnded(run, 'error');
    // Told by its released lock, not by 30 s of silence (which catches a worker dead before it locks).
    expect(Date.now() - t0).toBeLessThan(25_000);
    expect(status).toContain('导入失败，原有数据未改动');
    expect(status).toContain('the import worker stopped unexpectedly');
    await expectKeptIntact(counts);
  });

  it('an engine worker that dies: the engine restarts with every document, and says so', async () => {
    const engine = page.workers().find((w) => w.url().includes('engine.worker'));
    expect(engine).toBeDefined();
    await engine?.evaluate('self.close()').catch(() => undefined);
    const notice = page.locator('[data-testid=notice][data-kind=engine-restarted]');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('分析引擎意外停止');
    await page.screenshot({ path: join(ROOT, 'test-results', 'faults-engine.png') });
    await expectKeptIntact(counts);
    // The restarted engine answers the views again.
    await page.getByRole('link', { name: '总览' }).click();
    await page
      .locator('[data-testid=overview]:not([aria-busy=true]) [data-testid=headline]')
      .waitFor({ timeout: 60_000 });
  });

  it('an engine that dies again right after its restart is not restarted once more; a reload brings it back', async () => {
    await openDocuments();
    /** Ends the engine's worker other than the one named `not`; resolves with the ended one's name. */
    const killEngine = async (not: string | null): Promise<string> => {
      for (let i = 0; i < 300; i++) {
        for (const w of page.workers().filter((w) => w.url().includes('engine.worker'))) {
          const name = String(await w.evaluate('self.name').catch(() => null));
          if (name !== 'null' && name !== not) {
            await w.evaluate('self.close()').catch(() => undefined);
            return name;
          }
        }
        await page.waitForTimeout(100);
      }
      throw new Error('no engine worker to end');
    };
    const first = await killEngine(null);
    await page.locator('[data-testid=notice][data-kind=engine-restarted]').waitFor({ timeout: 30_000 });
    await killEngine(first);
    const failed = page.locator('[data-testid=notice][data-kind=engine-failed]');
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.textContent()).toContain('不再自动重启');
    await expectKeptStored();
    await openDocuments();
    await expectKeptIntact(counts);
  });

  it('damaged storage: a broken parse result is read again from its original file, an unreadable one is skipped', async () => {
    await openDocuments();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('target-lens');
          open.onsuccess = () => {
            const tx = open.result.transaction(['documents', 'settings'], 'readwrite');
            const docs = tx.objectStore('documents');
            const get = docs.get('kept-a');
            get.onsuccess = () => docs.put({ ...get.result, result: { document: 'garbage', diagnostics: 7 } });
            docs.put({ docId: 'ghost', fileName: 'ghost.txt', kind: 'text', size: 1, importedAt: 'x', result: null });
            const settings = tx.objectStore('settings');
            settings.put('not a report', 'lastImportReport');
            settings.put({ files: 'not a list' }, 'pendingImport');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const notice = page.locator('[data-testid=notice][data-kind=stored-damaged]');
    await notice.waitFor({ timeout: 60_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('已从保存的原文件重新读取：kept-a.txt');
    expect(text).toContain('无法从原文件恢复，本次未载入');
    expect(text).toContain('ghost.txt');
    await page.screenshot({ path: join(ROOT, 'test-results', 'faults-damaged.png') });
    await expect.poll(() => engineCounts(), { timeout: 60_000 }).toEqual(counts);
    // The unreadable record stays in storage until the user removes it; removing it leaves the rest.
    expect(await storedFiles()).toEqual(['ghost.txt', 'kept-a.txt', 'kept-b.txt']);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('remove-damaged').click();
    await expectKeptIntact(counts);
    // The repaired record was written back: the next start finds nothing damaged.
    await reloadQuietly(counts);
  });

  it('a query that runs out of memory gives a clear message, and so does an import; nothing changes', async () => {
    // Simulated with a small memory limit set on the engine through the bench hook (the console refuses SET).
    await page.goto(`${server.url}?view=console&bench`);
    // Once everything is loaded and the rules have run (their tables are listed), the limit is lowered.
    await page.locator('[data-testid=sql-schema] [data-table=findings]').waitFor({ timeout: 60_000 });
    await setMemoryLimit('16MB');
    await page.locator('#sql-input').fill('SELECT list(i) AS l FROM range(20000000) t(i)');
    await page.locator('#sql-input').press('Control+Enter');
    const oom = page.getByTestId('sql-out-of-memory');
    await oom.waitFor({ timeout: 60_000 });
    expect(await oom.textContent()).toContain('内存不足');
    // An import into an engine without memory to spare is refused whole.
    await page.getByRole('link', { name: '文档' }).click();
    await page.locator('[data-testid=documents]').waitFor();
    // Just above what the engine holds now: the import's rows do not fit.
    const [{ used }] = (await engineSql('SELECT sum(memory_usage_bytes)::BIGINT AS used FROM duckdb_memory()')) as [
      { used: number },
    ];
    await setMemoryLimit(`${Math.ceil(used / 1024) + 1024}KB`);
    const run = Number(await page.getByTestId('import-status').getAttribute('data-runs')) + 1;
    await page.getByTestId('import-input').setInputFiles([bulky('too-big.txt', 60)]);
    expect(await importEnded(run, 'error')).toContain('内存不足，导入未生效');
    await setMemoryLimit('2GB');
    expect(await documentFiles()).not.toContain('too-big.txt');
    await expectKeptIntact(counts);
  });

  it('a stored database that cannot be opened: the app says so, runs on its samples, and leaves it alone', async () => {
    // Another profile: IndexedDB "target-lens" at a version this app does not know, with other stores.
    const other = await browser.newContext();
    const tab = await other.newPage();
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    // Set up from a file of the app's origin that is not the app (the app would hold the database open).
    await tab.goto(`${server.url}favicon.svg`);
    await tab.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          indexedDB.deleteDatabase('target-lens');
          const open = indexedDB.open('target-lens', 99);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('foreign').put('kept as it was', 'k');
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await tab.goto(`${server.url}?view=documents`);
    const alert = tab.locator('.library-panel [role=alert]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('浏览器存储不可用');
    await expect.poll(() => documentFiles(tab), { timeout: 60_000 }).toEqual(SAMPLES);
    const foreign = await tab.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('target-lens');
          open.onsuccess = () => {
            const get = open.result.transaction('foreign').objectStore('foreign').get('k');
            get.onsuccess = () => resolve([open.result.version, get.result]);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    expect(foreign).toEqual([99, 'kept as it was']);
    await other.close();
  });

  it('threw no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
