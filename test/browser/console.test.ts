import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/db/queries-console';
import { formatCell } from '../../src/views/format';
import { ROOT } from '../util/app-server';
import { setUpAppSession } from '../util/app-session';

const session = setUpAppSession();

/** The grid's cells as text, row by row (the row-number column left out). */
function gridCells(page: Page): Promise<string[][]> {
  return page
    .getByTestId('sql-result')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

/** What the grid should show for `sql`, from the Node engine. */
async function expectedCells(sql: string): Promise<string[][]> {
  const rows = await session.db.query(sql);
  return rows.map((r) => Object.values(r).map(formatCell));
}

/** Does `start` (which starts a query) and waits until that query has answered or failed. */
async function answered(page: Page, start: () => Promise<void>): Promise<void> {
  const runs = Number(await page.locator('section.console').getAttribute('data-runs'));
  await start();
  await page.locator(`section.console[data-runs="${runs + 1}"]:is([data-status=ready], [data-status=error])`).waitFor();
}

function runWithKeys(page: Page, sql: string): Promise<void> {
  return answered(page, async () => {
    await page.locator('#sql-input').fill(sql);
    await page.locator('#sql-input').press('Control+Enter');
  });
}

function runExample(page: Page, id: string): Promise<void> {
  return answered(page, () => page.getByTestId('sql-examples').locator(`[data-example=${id}]`).click());
}

function example(id: string): { id: string; sql: string } {
  const q = EXAMPLE_QUERIES.find((e) => e.id === id);
  if (!q) throw new Error(`no example ${id}`);
  return q;
}

describe('SQL console (built app in Chromium, network limited to its own origin)', () => {
  let page: Page;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const context = await session.browser.newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const origin = new URL(session.server.url).origin;
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    context.on('request', (r) => requests.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${session.server.url}?view=console`);
    await page.locator('#sql-input').waitFor({ timeout: 60_000 });
  });

  it('lists tables, views (findings, scores, summaries) and rule views with their columns', async () => {
    const schema = page.getByTestId('sql-schema');
    // Findings and scores are listed once the rules have run, after the data.
    await schema.locator('[data-group=views] [data-table=findings]').waitFor();
    await schema.locator('[data-group=rules] [data-table="rules.catalog"]').waitFor({ state: 'attached' });
    const names = (group: string) =>
      schema
        .locator(`[data-group=${group}] .schema-table`)
        .evaluateAll((ts) => ts.map((t) => t.getAttribute('data-table')));
    expect(await names('tables')).toEqual(expect.arrayContaining(['documents', 'projects', 'indicators', 'schedule']));
    expect(await names('views')).toEqual(
      expect.arrayContaining([
        'findings',
        'project_scores',
        'department_scores',
        'region_scores',
        'department_summary',
        'schedule_by_month',
        'indicator_mix',
        'value_kinds',
      ]),
    );
    expect(await names('rules')).toEqual(expect.arrayContaining(['rules.catalog', 'rules.cost_with_ge']));
    const projects = schema.locator('[data-table=projects]');
    const toggle = projects.locator('.schema-toggle');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const budget = projects.locator('.schema-columns li', { hasText: 'budget_wan' });
    expect(await budget.locator('.schema-type').textContent()).toBe('DOUBLE');
  });

  it('inserts a clicked name at the cursor, and Tab indents by two spaces', async () => {
    const input = page.locator('#sql-input');
    await input.fill('SELECT * FROM');
    await input.press('End');
    await page.getByTestId('sql-schema').locator('[data-table=projects] > .schema-row .schema-name').click();
    expect(await input.inputValue()).toBe('SELECT * FROM projects');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.press('Home');
    await input.press('Tab');
    expect(await input.inputValue()).toBe('  SELECT * FROM projects');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.press('Escape');
    await input.press('Tab');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(false);
  });

  it('runs a query with Ctrl+Enter; the grid shows the numbers of the Node engine, right-aligned', async () => {
    const sql = `SELECT department, count(*) AS projects, round(sum(budget_wan), 2) AS budget_wan,
  round(avg(indicator_count), 3) AS mean_indicators
FROM projects GROUP BY department ORDER BY department`;
    await runWithKeys(page, sql);
    expect(await gridCells(page)).toEqual(await expectedCells(sql));
    expect(await page.getByTestId('sql-count').textContent()).toMatch(/^共 5 行/);
    const align = await page
      .getByTestId('sql-result')
      .locator('tbody tr:first-child td')
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td).textAlign));
    expect(align).toEqual(['left', 'right', 'right', 'right']);
  });

  it('shows a failing query with its message and its SQL where the query is', async () => {
    const bad = 'SELECT no_such_column FROM projects';
    await runWithKeys(page, bad);
    const error = page.getByTestId('sql-error');
    await error.waitFor();
    const text = await error.textContent();
    expect(text).toContain('查询出错');
    expect(text).toContain('no_such_column');
    expect(text).toContain(bad);
    expect(await page.getByTestId('sql-result').count()).toBe(0);
  });

  it('runs an example query (findings by rule) with the numbers of the Node engine', async () => {
    const q = example('findings_by_rule');
    await runExample(page, q.id);
    expect(await page.locator('#sql-input').inputValue()).toBe(q.sql);
    expect(await gridCells(page)).toEqual(await expectedCells(q.sql));
  });

  it('charts the result on a canvas, and switches between the offered chart types', async () => {
    const q = example('budget_by_department');
    await runExample(page, q.id);
    const chart = page.getByTestId('sql-chart');
    await chart.locator('canvas').waitFor();
    const types = page.locator('.console-chart-types input');
    expect(await types.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'bar',
      'line',
      'pie',
    ]);
    expect(await page.locator('.console-chart-types input:checked').inputValue()).toBe('bar');
    await page.getByRole('radio', { name: '饼图' }).check();
    expect(await page.locator('.console-chart-types input:checked').inputValue()).toBe('pie');
    await chart.locator('canvas').waitFor();
    const size = await chart
      .locator('canvas')
      .evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
    expect(size[0]).toBeGreaterThan(300);
    expect(size[1]).toBeGreaterThan(300);
  });

  it('exports the whole result as CSV (BOM, header, one line per row) through a download', async () => {
    const q = example('findings_by_rule');
    await runExample(page, q.id);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sql-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^query-\d{8}-\d{6}\.csv$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    const rows = await session.db.query(q.sql);
    expect(text.startsWith('\ufeff"rule","rule_id","severity","findings"\r\n')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(rows.length + 1);
    expect(text).toContain(`"${rows[0]?.rule_id}"`);
  });

  it('shows the first 1,000 rows of a long result with a notice', async () => {
    await runWithKeys(page, 'SELECT i, i * 2 AS twice FROM range(2500) t(i)');
    expect(await page.getByTestId('sql-count').textContent()).toMatch(/^共 2500 行，显示前 1000 行/);
    expect(await page.getByTestId('sql-result').locator('tbody tr').count()).toBe(1000);
  });

  it('fetches only the first 10,000 rows of a billion-row answer and says the answer was cut', async () => {
    // Materialised, a billion BIGINTs would need 8 GB, twice what the engine may use in a page.
    await runWithKeys(page, 'SELECT range AS i FROM range(1000000000)');
    expect(await page.getByTestId('sql-truncated').textContent()).toContain('结果超过 10000 行，只取了前 10000 行');
    expect(await page.getByTestId('sql-count').textContent()).toMatch(/^共 10000 行，显示前 1000 行/);
  });

  it('refuses statements that change data or settings, and the dashboards keep every row', async () => {
    const before = await expectedCells('SELECT count(*) AS n, sum(budget_wan) AS b FROM projects');
    for (const [sql, keyword] of [
      ['DROP TABLE projects', 'DROP'],
      ['DELETE FROM projects', 'DELETE'],
      ["SET memory_limit = '1MB'", 'SET'],
      ['SELECT 1; COMMIT; DELETE FROM projects', 'COMMIT'],
    ] as const) {
      await runWithKeys(page, sql);
      expect(await page.getByTestId('sql-refused').textContent()).toContain(`“${keyword}” 语句会修改数据`);
    }
    // A write DuckDB finds inside a reading statement fails in the read-only transaction.
    await runWithKeys(page, 'WITH x AS (SELECT 1) DELETE FROM projects');
    expect(await page.getByTestId('sql-error').textContent()).toContain('read-only');
    await runWithKeys(page, 'SELECT count(*) AS n, sum(budget_wan) AS b FROM projects');
    expect(await gridCells(page)).toEqual(before);
    await page.getByRole('link', { name: '总览' }).click();
    await page.locator('[data-testid=overview]:not([aria-busy=true])').waitFor();
    expect(await page.getByTestId('headline').textContent()).toContain('67');
    await page.goBack();
  });

  /** The name of the engine's worker (a new engine, a new name). */
  async function engineName(): Promise<string> {
    const worker = page.workers().find((w) => w.url().includes('engine.worker'));
    return String(await worker?.evaluate('self.name'));
  }

  async function cancelLong(sql: string): Promise<string> {
    await page.locator('#sql-input').fill(sql);
    await page.locator('#sql-input').press('Control+Enter');
    const cancel = page.getByTestId('sql-cancel');
    await cancel.waitFor({ timeout: 10_000 });
    await cancel.click();
    const notice = page.getByTestId('sql-notice');
    await notice.waitFor({ timeout: 60_000 });
    return (await notice.textContent()) ?? '';
  }

  it('cancels a long query by interrupting it: the same engine answers the next one at once', async () => {
    await runWithKeys(page, 'SELECT 1 AS ready'); // once the rules have run, a query starts at once
    const before = await engineName();
    expect(await cancelLong('SELECT sum(hash(i)) AS s FROM range(400000000) t(i)')).toBe('查询已取消');
    expect(await engineName()).toBe(before);
    await runWithKeys(page, 'SELECT count(*) AS n FROM projects');
    expect(await gridCells(page)).toEqual([['67']]);
  });

  it('cancels what cannot be interrupted by restarting the engine, which reloads the data and answers again', async () => {
    const before = await engineName();
    // One scalar call that works for seconds: the engine checks for an interrupt only between steps.
    const text = await cancelLong('SELECT list_sort(list_reverse(range(10000000)))[1] AS x');
    expect(text).toContain('查询已取消，分析引擎已重启');
    await runWithKeys(page, 'SELECT count(*) AS n FROM projects');
    expect(await gridCells(page)).toEqual([['67']]);
    expect(await engineName()).not.toBe(before);
  });

  it('saves a screenshot to test-results/console.png', async () => {
    const q = example('share_ge95');
    await runExample(page, q.id);
    await page.getByTestId('sql-chart').locator('canvas').waitFor();
    await page.getByTestId('sql-schema').locator('[data-table=findings] .schema-toggle').click();
    await page.waitForTimeout(600);
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/console.png'), fullPage: true });
  });

  it('requested nothing from other origins and logged no errors', () => {
    const origin = new URL(session.server.url).origin;
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
