import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';

const DATA = join(ROOT, 'data');
const FILES = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const expectedProjects = new Map(
  FILES.map((f) => [f, parseDocument(readFileSync(join(DATA, f), 'utf8'), f).document.projects.length]),
);
const DOCUMENT_ROWS = '[data-testid=documents] > tbody > tr[data-file]';

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

describe('dashboard (built app in Chromium)', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByTestId('documents').waitFor({ timeout: 30_000 });
  });

  it('lists every sample document', async () => {
    const files = await page.locator(DOCUMENT_ROWS).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
    expect(files).toEqual(FILES);
  });

  it('shows the project counts that parseDocument returns in Node', async () => {
    const shown = await page
      .locator(DOCUMENT_ROWS)
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-file'), r.querySelector('[data-col=projects]')?.textContent]),
      );
    expect(Object.fromEntries(shown)).toEqual(
      Object.fromEntries([...expectedProjects].map(([f, n]) => [f, String(n)])),
    );
  });

  it('expands a document into its projects table', async () => {
    const file = FILES[0]!;
    const toggle = page.locator(`tr[data-file="${file}"]`).getByRole('button');
    await toggle.click();
    const detail = page.getByTestId('document-detail');
    await detail.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await detail.locator('table.projects > tbody > tr').count()).toBe(expectedProjects.get(file));
  });

  it('saves a full-page screenshot to test-results/app.png', async () => {
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/app.png'), fullPage: true });
  });

  it('loads nothing from other origins and logs no errors', () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('dashboard when the parse worker cannot load', () => {
  it('shows the error state instead of the table', async () => {
    const context = await browser.newContext();
    await context.route('**/parse.worker*', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('documents').count()).toBe(0);
    await context.close();
  });
});
