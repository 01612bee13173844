import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse';
import { installRules } from '../../src/rules';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';
import { getSampleDb } from '../util/duckdb';

const DATA = join(ROOT, 'data');
const FILES = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const parsed = new Map(FILES.map((f) => [f, parseDocument(readFileSync(join(DATA, f), 'utf8'), f).document]));
const DOCUMENT_ROWS = '[data-testid=documents] > tbody > tr[data-file]';
const WAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  server = await buildAndServe();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function documentFiles(page: Page): Promise<(string | null)[]> {
  return page.locator(DOCUMENT_ROWS).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
}

describe('dashboard (built app in Chromium, network limited to its own origin)', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(server.url).origin;
    // Everything but the app's own origin is cut off; the app must still start and query.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}?view=documents`);
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
  });

  it('lists every sample document, loaded from the Arrow dataset into DuckDB', async () => {
    expect(await documentFiles(page)).toEqual(FILES);
  });

  it('shows the project counts and budgets that parseDocument returns in Node', async () => {
    const shown = await page
      .locator(DOCUMENT_ROWS)
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-file'),
          r.querySelector('[data-col=projects]')?.textContent,
          r.querySelector('[data-col=budget]')?.textContent,
        ]),
      );
    expect(shown).toEqual(
      FILES.map((f) => {
        const doc = parsed.get(f);
        const budget = doc?.projects.reduce((n, p) => n + (p.budget.total ?? 0), 0) ?? 0;
        return [f, String(doc?.projects.length), WAN.format(budget)];
      }),
    );
  });

  it('expands a document into its projects table, read with SQL', async () => {
    const file = FILES[0] as string;
    const toggle = page.locator(`tr[data-file="${file}"]`).getByRole('button');
    await toggle.click();
    const detail = page.getByTestId('document-detail');
    await detail.locator('table.projects > tbody > tr').first().waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await detail.locator('table.projects > tbody > tr').count()).toBe(parsed.get(file)?.projects.length);
  });

  it('runs a query through the DuckDB worker with Ctrl+Enter', async () => {
    await page.getByTestId('nav-console').click();
    const input = page.locator('#sql-input');
    await input.fill('SELECT count(*) AS n FROM projects');
    await input.press('Control+Enter');
    const cell = page.getByTestId('sql-result').locator('tbody td').first();
    await cell.waitFor();
    expect(await cell.textContent()).toBe('67');
  });

  it('has the rules installed: findings in the browser equal findings on the Node engine', async () => {
    const db = await getSampleDb();
    await installRules(db);
    const [expected] = await db.query<{ n: number }>('SELECT count(*) AS n FROM findings');
    const input = page.locator('#sql-input');
    await input.fill('SELECT count(*) AS n FROM findings');
    await input.press('Control+Enter');
    await page
      .getByTestId('sql-result')
      .locator('tbody td', { hasText: String(expected?.n) })
      .waitFor();
  });

  it('shows a failing query with its message and SQL', async () => {
    const input = page.locator('#sql-input');
    const bad = 'SELECT no_such_column FROM projects';
    await input.fill(bad);
    await page.getByTestId('sql-panel').getByRole('button').click();
    const error = page.getByTestId('sql-error');
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toContain('no_such_column');
    expect(text).toContain(bad);
  });

  it('imports a document parsed in the browser, and re-importing it replaces it', async () => {
    await page.getByTestId('nav-documents').click();
    const fixture = join(ROOT, 'test/fixtures/004-gb18030.txt');
    const input = page.getByTestId('import-input');
    await input.setInputFiles(fixture);
    await page.locator('[data-testid=import-status][data-runs="1"][data-status=done]').waitFor();
    await page.locator('[data-testid=documents] tr[data-file="004-gb18030.txt"]').waitFor();
    expect(
      await page.locator('[data-testid=documents] tr[data-file="004-gb18030.txt"] [data-col=projects]').textContent(),
    ).toBe('4');
    await input.setInputFiles(fixture);
    await page.locator('[data-testid=import-status][data-runs="2"][data-status=done]').waitFor();
    expect(await page.getByTestId('import-status').textContent()).toBe('已导入 1 份文档，0 个文件未能导入');
    expect(await documentFiles(page)).toEqual([...FILES, '004-gb18030.txt'].sort());
  });

  it('saves a full-page screenshot to test-results/app.png', async () => {
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/app.png'), fullPage: true });
  });

  it('requested nothing from other origins and logged no errors', () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('dashboard when the engine cannot load', () => {
  it('shows the error state with the reason instead of the table', async () => {
    const context = await browser.newContext();
    await context.route('**/*.wasm', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.url}?view=documents`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('DuckDB');
    expect(await page.getByTestId('documents').count()).toBe(0);
    await context.close();
  });
});
