import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db';
import { type FindingRow, findingsQuery } from '../../src/db/queries-review';
import { EMPTY_FILTERS } from '../../src/store/route';
import { PAGE_ROWS } from '../../src/views/review/use-pages';
import { refreshYearMatches } from '../../src/years/compare';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';
import { demoYearsDb } from '../util/years';

let server: AppServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  [browser, server, db] = await Promise.all([launchChromium(), buildAndServe(), demoYearsDb()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('年度对比 in Chromium, on the generated demo years', () => {
  let page: Page;

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
    await page.goto(`${server.url}?view=years`);
    await page.getByTestId('years').waitFor({ timeout: 60_000 });
  });

  it('offers the demo when no department has two years, and loads it', async () => {
    await page.getByTestId('load-demo-years').click();
    await page.getByTestId('year-departments').waitFor({ timeout: 60_000 });
  });

  it('shows every department of the latest pair of years, with the budgets SQL gives', async () => {
    const to = Number(await page.getByTestId('year-to').inputValue());
    const from = Number(await page.getByTestId('year-from').inputValue());
    const [latest] = await db.query<{ from_year: number; to_year: number }>(
      'SELECT from_year, to_year FROM year_doc_pairs ORDER BY to_year DESC, from_year DESC LIMIT 1',
    );
    expect({ from, to }).toEqual({ from: latest?.from_year, to: latest?.to_year });
    const expected = await db.query<{ department: string }>(
      `SELECT department FROM year_department_changes WHERE from_year = ${from} AND to_year = ${to} ORDER BY department`,
    );
    const shown = await page
      .locator('[data-testid=year-departments] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-department')));
    expect([...shown].sort()).toEqual(expected.map((r) => r.department));
    await page.getByTestId('chart-year-budget').locator('canvas').first().waitFor();
  });

  it('lists the targets lowered while the budget grew, as the SQL view does', async () => {
    const to = Number(await page.getByTestId('year-to').inputValue());
    const from = Number(await page.getByTestId('year-from').inputValue());
    const [n] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM year_targets_lowered WHERE from_year = ${from} AND to_year = ${to}`,
    );
    expect(n?.n).toBeGreaterThan(0);
    const rows = page.locator('[data-testid=year-lowered] tbody tr');
    await expect.poll(() => rows.count()).toBe(Math.min(n?.n ?? 0, 15));
    if ((n?.n ?? 0) > 15) {
      await page.locator('[data-testid=year-lowered] tfoot button').click();
      await expect.poll(() => rows.count()).toBe(n?.n);
    }
  });

  it('shows a project’s indicators of both years side by side, changed cells marked', async () => {
    const to = Number(await page.getByTestId('year-to').inputValue());
    const from = Number(await page.getByTestId('year-from').inputValue());
    const row = page.locator('[data-testid=year-projects] tbody tr[data-method=code]').first();
    const id = await row.getAttribute('data-project');
    await row.locator('a').click();
    await expect.poll(() => page.url()).toContain(`project=${encodeURIComponent(id ?? '')}`);
    const diff = page.getByTestId('year-diff-table');
    await diff.waitFor();
    const [pair] = await db.query<{ n: number; changed: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE change <> 'unchanged') AS changed
       FROM year_indicator_changes
       WHERE to_project = '${(id ?? '').replace(/'/g, "''")}' AND from_year = ${from} AND to_year = ${to}`,
    );
    expect(await diff.locator('tbody tr').count()).toBe(pair?.n);
    expect(await diff.locator('tbody tr:not([data-change=unchanged])').count()).toBe(pair?.changed);
    expect(await diff.locator('td.changed').count()).toBe(pair?.changed);
  });

  it('keeps years and threshold in the URL, and matching follows the threshold', async () => {
    const to = Number(await page.getByTestId('year-to').inputValue());
    const from = Number(await page.getByTestId('year-from').inputValue());
    const nameMatches = () => page.locator('[data-testid=year-projects] tbody tr[data-method=name]').count();
    await refreshYearMatches(db, 0.3);
    const [expected] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM year_project_changes WHERE method = 'name' AND from_year = ${from} AND to_year = ${to}`,
    );
    await refreshYearMatches(db);
    const slider = page.getByTestId('year-threshold');
    await slider.focus();
    await slider.press('Home'); // the minimum, 0.3
    await expect.poll(() => page.url()).toContain('threshold=0.3');
    await expect.poll(nameMatches, { timeout: 15_000 }).toBe(expected?.n);
    await page.reload();
    await page.getByTestId('year-departments').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('year-threshold').inputValue()).toBe('0.3');
  });

  it('scrolls the review table past the first page of findings, fetching the rows in view', async () => {
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM findings');
    expect(n).toBeGreaterThan(PAGE_ROWS); // the demo years make more findings than one page holds
    const sql = findingsQuery({ filters: EMPTY_FILTERS, rule: null, category: null, q: '' }, undefined, {
      offset: n - 1,
      limit: 1,
      total: false,
    });
    const [last] = await db.query<FindingRow>(sql);
    const other = await page.context().newPage();
    await other.goto(`${server.url}?view=review`);
    await other.locator('[data-testid=findings-total][data-total]:not([data-total="0"])').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => other.getByTestId('findings-total').getAttribute('data-total'), { timeout: 30_000 })
      .toBe(String(n));
    // Rows are measured as they render, so the table grows while it scrolls, and the virtualiser may
    // drop a row it has just shown: scroll until the end holds, and read the last row in the same look.
    const lastRow = `document.querySelector('[data-testid=findings] tbody tr[data-index="${n - 1}"]')`;
    await expect
      .poll(
        async () => {
          await other.getByTestId('findings-scroll').evaluate((el) => {
            el.scrollTop = el.scrollHeight;
          });
          const row = (await other.evaluate(
            `(() => { const el = ${lastRow}; return el ? { rule: el.getAttribute('data-rule'), text: el.textContent } : null; })()`,
          )) as { rule: string | null; text: string | null } | null;
          return row && row.rule === last?.rule_id && (row.text ?? '').includes(last?.message ?? '');
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await other.close();
  });

  it('saves a screenshot to test-results/years.png', async () => {
    await page.getByTestId('year-projects').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=year-projects] tbody tr:has(.chip.easier) a').first().click();
    await page.getByTestId('year-diff-table').waitFor();
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/years.png'), fullPage: true });
    await page.getByTestId('year-diff').screenshot({ path: join(ROOT, 'test-results/years-diff.png') });
  });
});
