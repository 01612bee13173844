import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, wan } from '../../src/charts/format';
import type { Db } from '../../src/db';
import { installRules } from '../../src/rules';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';
import { getSampleDb } from '../util/duckdb';

let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let db: Db;
const errors: string[] = [];

beforeAll(async () => {
  [browser, server, db] = await Promise.all([launchChromium(), buildAndServe(), getSampleDb()]);
  await installRules(db);
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const origin = new URL(server.url).origin;
  await context.route('**/*', (route) =>
    new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
  );
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const figure = (name: string) => page.locator(`[data-figure="${name}"] dd`);

async function shot(name: string) {
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(ROOT, `test-results/${name}.png`), fullPage: true });
}

/** The projects figure as the UI prints it, for the documents matching `where`. */
async function projects(where = 'TRUE'): Promise<string> {
  const [r] = await db.query<{ n: number }>(`SELECT sum(project_count) AS n FROM documents WHERE ${where}`);
  return count(r?.n);
}

describe('overview (总览)', () => {
  it('shows the headline figures that SQL gives on the Node engine', async () => {
    await page.goto(server.url);
    await page.getByTestId('overview').waitFor({ timeout: 60_000 });
    const [d] = await db.query<{ budget: number; departments: number; projects: number; indicators: number }>(
      'SELECT sum(budget_wan) AS budget, count(DISTINCT department) AS departments, sum(project_count) AS projects, sum(indicator_count) AS indicators FROM documents',
    );
    const [s] = await db.query<{ score: number }>(
      'SELECT round(sum(score * budget_wan) / sum(budget_wan), 1) AS score FROM department_scores',
    );
    await expect.poll(() => figure('budget').textContent()).toBe(wan(d?.budget));
    expect(await figure('departments').textContent()).toBe(count(d?.departments));
    expect(await figure('projects').textContent()).toBe(count(d?.projects));
    expect(await figure('indicators').textContent()).toBe(count(d?.indicators));
    await expect.poll(() => figure('score').textContent(), { timeout: 30_000 }).toBe(String(s?.score));
  });

  it('draws every chart', async () => {
    for (const id of [
      'chart-budget-by-department',
      'chart-score-by-department',
      'chart-treemap',
      'chart-schedule',
      'chart-mix',
      'chart-problems',
    ])
      await page.getByTestId(id).locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await shot('overview');
  });

  it('a click on a department bar filters the other charts and goes into the URL; Back undoes it', async () => {
    const chart = page.getByTestId('chart-budget-by-department');
    const box = await chart.boundingBox();
    if (!box) throw new Error('chart not laid out');
    // The largest department (遵化市人民政府办公室, 15 projects) is the top bar.
    await chart.click({ position: { x: box.width * 0.4, y: 59 } });
    await expect.poll(() => page.url()).toContain(`dept=${encodeURIComponent('遵化市人民政府办公室')}`);
    await expect
      .poll(() => figure('projects').textContent())
      .toBe(await projects("department = '遵化市人民政府办公室'"));
    expect(await page.getByTestId('filter-department').inputValue()).toBe('遵化市人民政府办公室');
    await page.goBack();
    await expect.poll(() => figure('projects').textContent()).toBe(await projects());
  });

  it('a click on a department tile of the treemap filters by that department', async () => {
    const chart = page.getByTestId('chart-treemap');
    const box = await chart.boundingBox();
    if (!box) throw new Error('chart not laid out');
    await page.waitForTimeout(1000);
    // 遵化市 holds more than half of the budget: its department tile fills the left of the map.
    await chart.click({ position: { x: box.width * 0.25, y: box.height * 0.55 } });
    await expect.poll(() => page.url()).toContain(`dept=${encodeURIComponent('遵化市人民政府办公室')}`);
    await expect
      .poll(() => figure('projects').textContent())
      .toBe(await projects("department = '遵化市人民政府办公室'"));
    await page.goBack();
    await expect.poll(() => figure('projects').textContent()).toBe(await projects());
  });

  it('a copied link with filters opens the same view', async () => {
    const other = await context.newPage();
    await other.goto(`${server.url}?region=${encodeURIComponent('巨鹿县')}&year=2024`);
    await other.getByTestId('overview').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => other.locator('[data-figure="projects"] dd').textContent(), { timeout: 30_000 })
      .toBe(await projects("region = '巨鹿县' AND year = 2024"));
    expect(await other.getByTestId('filter-region').inputValue()).toBe('巨鹿县');
    await other.close();
  });

  it('exports a chart as PNG', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出图片：资金支出进度/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^资金支出进度.*\.png$/);
    const path = await file.path();
    const { statSync } = await import('node:fs');
    expect(statSync(path).size).toBeGreaterThan(5000);
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('[data-figure="budget"] dt').textContent()).toBe('Total budget (10k yuan)');
    await page.getByRole('button', { name: '中文' }).click();
  });
});

describe('overview before the engine is ready', () => {
  it('draws the first figures and chart from the precomputed summary while DuckDB-WASM is not there', async () => {
    const blocked = await browser.newContext();
    await blocked.route('**/*.wasm', (route) => route.abort());
    const early = await blocked.newPage();
    await early.goto(server.url);
    await early.getByTestId('chart-budget-by-department').locator('canvas').first().waitFor({ timeout: 30_000 });
    const [d] = await db.query<{ budget: number }>('SELECT sum(budget_wan) AS budget FROM documents');
    expect(await early.locator('[data-figure="budget"] dd').textContent()).toBe(wan(d?.budget));
    await early.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await early.getByRole('alert').textContent()).toContain('DuckDB');
    await blocked.close();
  });
});

describe('departments and projects', () => {
  it('lists departments with the scores of department_scores, and a department’s projects', async () => {
    await page.getByTestId('nav-departments').click();
    await page.getByTestId('department-table').waitFor();
    const rows = await db.query<{ doc_id: string; score: number }>(
      'SELECT doc_id, score FROM department_scores ORDER BY score',
    );
    const shown = await page
      .locator('[data-testid=department-table] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.getAttribute('data-doc'), tr.querySelector('[data-col=score]')?.textContent]),
      );
    expect(shown).toEqual(rows.map((r) => [r.doc_id, String(r.score)]));
    await page.locator('[data-doc="001_a1f1e70e06024129"] a').click();
    const [listed] = await db.query<{ n: number }>(
      "SELECT count(*)::INT AS n FROM projects WHERE doc_id = '001_a1f1e70e06024129'",
    );
    await expect.poll(() => page.locator('[data-testid=project-list] tbody tr').count()).toBe(listed?.n);
    await shot('departments');
  });

  it('draws a project’s 绩效目标表 with its flagged cells and findings, and moves to the next project', async () => {
    await page.locator('[data-project="001_a1f1e70e06024129#3"] a').click();
    await page.getByTestId('target-table').waitFor();
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM findings WHERE project_id = '001_a1f1e70e06024129#3'",
    );
    await expect.poll(() => page.locator('[data-testid=project-findings] li').count()).toBe(n);
    const [indicators] = await db.query<{ n: number }>(
      "SELECT count(*)::INT AS n FROM indicators WHERE project_id = '001_a1f1e70e06024129#3'",
    );
    expect(await page.locator('[data-testid=target-table] tr[data-row]').count()).toBe(indicators?.n);
    expect(await page.locator('[data-testid=flagged-value]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=target-table]').textContent()).toContain('≥98%');
    await shot('project');
    await page.getByTestId('next-project').click();
    await expect.poll(() => page.url()).toContain(encodeURIComponent('001_a1f1e70e06024129#4'));
    await page.getByTestId('prev-project').click();
    await expect.poll(() => page.url()).toContain(encodeURIComponent('001_a1f1e70e06024129#3'));
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
