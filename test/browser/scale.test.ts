/**
 * A dataset other than the samples, as a province's would be opened (at small size): a synthetic
 * corpus of 6 counties × 60 departments ingested with its findings (`npm run ingest -- --findings`),
 * served as datasets/scale-test and opened with `?dataset=scale-test`. The page must show what SQL
 * gives on the same files, use the shipped findings (equal to the rules run here), say which part of
 * the selection its bar charts and treemap show, and filter departments through a search field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/lib/corpus';
import { ingestParallel } from '../../scripts/lib/ingest-parallel';
import { readSamples } from '../../scripts/lib/years';
import { count } from '../../src/charts/format';
import { type DatasetManifest, type Db, loadDataset, TABLES, type TableName } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import {
  type Headline,
  headlineQuery,
  type QualityHeadline,
  qualityHeadlineQuery,
} from '../../src/db/queries-overview';
import { installRules } from '../../src/rules';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';

const NONE = { year: null, region: null, department: null };
const tmp = mkdtempSync(join(tmpdir(), 'target-lens-scale-browser-'));
const dataset = join(tmp, 'dataset');
let server: AppServer;
let browser: Browser;
let db: Db;
let manifest: DatasetManifest;

beforeAll(async () => {
  const samples = await readSamples(join(ROOT, 'data'));
  await writeCorpus(samples, { counties: 6, years: [2024], seed: 3 }, join(tmp, 'corpus'));
  await ingestParallel(join(tmp, 'corpus'), { workers: 2, outDir: dataset, arrowPartitions: true, findings: true });
  manifest = JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8')) as DatasetManifest;
  // The expectation: the same tables with the rules run here, not the shipped findings.
  db = await openNodeDb();
  const ipc = {} as Record<TableName, Uint8Array>;
  for (const t of TABLES) ipc[t.name] = new Uint8Array(await readFile(join(dataset, `${t.name}.arrow`)));
  await loadDataset(db, ipc);
  await installRules(db);
  [browser, server] = await Promise.all([launchChromium(), buildAndServe({ 'scale-test': dataset })]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const figure = (page: Page, key: string) => page.locator(`[data-figure="${key}"] dd`);

describe('?dataset=NAME: a synthetic 6-county dataset with findings from the ingest', () => {
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?dataset=scale-test`);
    await page.getByTestId('filter-department').waitFor({ timeout: 60_000 });
  });

  it('shows the headline figures SQL gives on the same files', async () => {
    const [h] = await db.query<Headline>(headlineQuery(NONE));
    expect(h?.documents).toBe(360);
    await expect.poll(() => figure(page, 'projects').textContent()).toBe(count(h?.projects));
    expect(await figure(page, 'indicators').textContent()).toBe(count(h?.indicators));
    expect(await figure(page, 'departments').textContent()).toBe(count(h?.departments));
  });

  it('scores with the shipped findings as the rules give them here', async () => {
    expect(manifest.findings?.rows).toBeGreaterThan(1000);
    const [findings] = await db.query<{ n: number }>('SELECT count(*) AS n FROM findings');
    expect(manifest.findings?.rows).toBe(findings?.n);
    const [q] = await db.query<QualityHeadline>(qualityHeadlineQuery(NONE));
    await expect.poll(() => figure(page, 'score').textContent(), { timeout: 60_000 }).toBe(String(q?.score));
  });

  it('says the bar charts show 30 of the 360 departments and the treemap shows departments', async () => {
    const budgetCard = page.getByRole('region', { name: '各部门预算（万元）' });
    await expect.poll(() => budgetCard.locator('.hint').textContent()).toBe('预算最大的 30 个，共 360 个部门·年度');
    const scoreCard = page.getByRole('region', { name: '各部门目标质量得分' });
    await expect.poll(() => scoreCard.locator('.hint').textContent()).toBe('得分最低的 30 个，共 360 个部门·年度');
    const [h] = await db.query<Headline>(headlineQuery(NONE));
    const treeCard = page.getByRole('region', { name: '预算构成：地区 → 部门 → 项目' });
    expect(await treeCard.locator('.hint').textContent()).toBe(
      `项目过多：方块为部门（${count(h?.projects)} 个项目）；点击可筛选`,
    );
  });

  it('filters by department through a search field with suggestions', async () => {
    const field = page.getByTestId('filter-department');
    expect(await field.getAttribute('type')).toBe('search');
    const [dept] = await db.query<{ department: string }>(
      'SELECT department FROM documents ORDER BY budget_wan DESC LIMIT 1 OFFSET 7',
    );
    const name = dept?.department ?? '';
    const suggestions = await field.evaluate((el) =>
      Array.from((el as HTMLInputElement).list?.options ?? [], (o) => o.value),
    );
    expect(suggestions).toHaveLength(360);
    expect(suggestions).toContain(name);
    // Part of a name filters nothing; the whole name does.
    await field.fill(name.slice(0, 3));
    await page.waitForTimeout(300);
    expect(new URL(page.url()).searchParams.get('dept')).toBeNull();
    await field.fill(name);
    const [h] = await db.query<Headline>(headlineQuery({ ...NONE, department: name }));
    await expect.poll(() => figure(page, 'projects').textContent()).toBe(count(h?.projects));
    expect(new URL(page.url()).searchParams.get('dept')).toBe(name);
    expect(new URL(page.url()).searchParams.get('dataset')).toBe('scale-test');
    await field.fill('');
    const [all] = await db.query<Headline>(headlineQuery(NONE));
    await expect.poll(() => figure(page, 'projects').textContent()).toBe(count(all?.projects));
    expect(errors).toEqual([]);
  });
});

describe('?dataset=NAME&load-regions=…: only some partitions of the dataset', () => {
  it('loads the chosen regions with their share of the shipped findings', async () => {
    const regions = (await db.query<{ region: string }>('SELECT DISTINCT region FROM documents ORDER BY region'))
      .map((r) => r.region)
      .slice(0, 2);
    expect(regions).toHaveLength(2);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}?dataset=scale-test&load-regions=${regions.map(encodeURIComponent).join(',')}`);
    await page.getByTestId('filter-department').waitFor({ timeout: 60_000 });
    const inRegions = `region IN (${regions.map((r) => `'${r}'`).join(', ')})`;
    const [expected] = await db.query<{ documents: number; projects: number; score: number }>(
      `SELECT count(*) AS documents, sum(project_count) AS projects,
              round(sum(score * budget_wan) / nullif(sum(budget_wan), 0), 1) AS score
       FROM department_scores WHERE ${inRegions}`,
    );
    expect(expected?.documents).toBe(120);
    await expect.poll(() => figure(page, 'projects').textContent()).toBe(count(expected?.projects));
    await expect.poll(() => figure(page, 'score').textContent(), { timeout: 60_000 }).toBe(String(expected?.score));
    // Fewer than 300 departments: the department filter is a drop-down again, of these regions only.
    expect(await page.getByTestId('filter-department').locator('option').count()).toBe(121);
    expect(new URL(page.url()).searchParams.get('load-regions')).toBe(regions.join(','));
    expect(await page.getByTestId('loaded-part').textContent()).toBe(
      `只载入了数据集 scale-test 的一部分：${regions.join('、')}`,
    );
    await page.screenshot({ path: join(ROOT, 'test-results', 'scale-part.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
