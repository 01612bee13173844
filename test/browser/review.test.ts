import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_HEADERS } from '../../src/rules/review';
import { ROOT } from '../util/app-server';
import { setUpAppSession } from '../util/app-session';

const WAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const RULE_ROWS = '[data-testid=review-rules] > tbody > tr';
const FINDING_ROWS = '[data-testid=findings] > tbody > tr[data-rule]';

const session = setUpAppSession();

/** `SELECT count(*) FROM findings WHERE …` on the Node engine. */
async function count(where = 'TRUE'): Promise<number> {
  const [row] = await session.db.query<{ n: number }>(`SELECT count(*) AS n FROM findings WHERE ${where}`);
  return row?.n ?? Number.NaN;
}

/** Waits until the findings table has answered (not busy) with `n` findings in all. */
async function waitForTotal(page: Page, n: number): Promise<void> {
  await page
    .locator(`[data-testid=review-findings][aria-busy=false] [data-testid=findings-total][data-total="${n}"]`)
    .waitFor({ timeout: 20_000 });
}

function search(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('review workbench (built app in Chromium, offline)', () => {
  let page: Page;
  let all: number;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const origin = new URL(session.server.url).origin;
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === origin ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${session.server.url}?view=review`);
    await page.locator(RULE_ROWS).first().waitFor({ timeout: 60_000 });
    all = await count();
    await waitForTotal(page, all);
  });

  it('lists every rule with hits and budget at stake equal to the Node engine, most hits first', async () => {
    const hits = await session.db.query<{ rule_id: string; hits: number; stake: number | null }>(
      `SELECT c.rule_id, coalesce(h.n, 0) AS hits, s.stake
       FROM rules.catalog c
       LEFT JOIN (SELECT rule_id, count(*) AS n FROM findings GROUP BY rule_id) h USING (rule_id)
       LEFT JOIN (SELECT rule_id, sum(budget_wan) AS stake
                  FROM (SELECT DISTINCT rule_id, doc_id, project_id, budget_wan FROM findings) GROUP BY rule_id) s
         USING (rule_id)`,
    );
    const shown = await page
      .locator(RULE_ROWS)
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-rule'),
          Number(r.getAttribute('data-hits')),
          r.querySelector('[data-col=stake]')?.textContent,
        ]),
      );
    expect(shown.length).toBe(hits.length);
    expect(new Map(shown.map(([id, n, stake]) => [id, [n, stake]]))).toEqual(
      new Map(hits.map((h) => [h.rule_id, [h.hits, h.stake === null ? '—' : WAN.format(h.stake)]])),
    );
    const counts = shown.map(([, n]) => n as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await page.locator('[data-testid=review-rules] tbody th[scope=row] button').count()).toBe(hits.length);
  });

  it('shows every finding, and keeps only the rows in view in the DOM (virtualised)', async () => {
    await page.setViewportSize({ width: 1280, height: 640 });
    const rows = page.locator(FINDING_ROWS);
    await rows.first().waitFor();
    const inDom = await rows.count();
    expect(all).toBeGreaterThan(200);
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(100);
    expect(await page.locator('[data-testid=findings] > tbody > tr').count()).toBeLessThan(100);
    // Scrolled to the end, the last finding is rendered (and still few rows are).
    await page.getByTestId('findings-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator(`${FINDING_ROWS}[aria-rowindex="${all + 1}"]`).waitFor();
    expect(await rows.count()).toBeLessThan(100);
    await page.getByTestId('findings-scroll').evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('filters the table by a clicked rule, puts rule= in the URL and shows its rationale; clicking again clears it', async () => {
    const first = page.locator(RULE_ROWS).first();
    const id = (await first.getAttribute('data-rule')) as string;
    const n = await count(`rule_id = '${id}'`);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    const button = first.getByRole('button');
    await button.click();
    await waitForTotal(page, n);
    expect(search(page).get('rule')).toBe(id);
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const rules = await page.locator(FINDING_ROWS).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-rule')));
    expect(new Set(rules)).toEqual(new Set([id]));
    const [meta] = await session.db.query<{ rationale: string; suggestion: string }>(
      `SELECT rationale, suggestion FROM rules.catalog WHERE rule_id = '${id}'`,
    );
    const detail = await page.getByTestId('rule-detail').textContent();
    expect(detail).toContain(meta?.rationale);
    expect(detail).toContain(meta?.suggestion);

    await button.click();
    await waitForTotal(page, all);
    expect(search(page).has('rule')).toBe(false);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
  });

  it('selects a rule with Enter and clears it with the clear control', async () => {
    const row = page.locator(RULE_ROWS).nth(1);
    const id = (await row.getAttribute('data-rule')) as string;
    await row.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await waitForTotal(page, await count(`rule_id = '${id}'`));
    expect(search(page).get('rule')).toBe(id);
    await page.getByTestId('clear-rule').click();
    await waitForTotal(page, all);
    expect(search(page).has('rule')).toBe(false);
    // Focus goes back to the rule in the list, not to the page.
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-rule'))).toBe(id);
  });

  it('narrows the table and the rule counts with the shared severity filter', async () => {
    await page.getByTestId('filter-severity').selectOption('high');
    const n = await count("severity = 'high'");
    await waitForTotal(page, n);
    expect(search(page).get('severity')).toBe('high');
    const severities = await page
      .locator(FINDING_ROWS)
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-severity')));
    expect(new Set(severities)).toEqual(new Set(['high']));
    const catalog = await session.db.query<{ rule_id: string; severity: string }>(
      'SELECT rule_id, severity FROM rules.catalog',
    );
    const severityOf = new Map(catalog.map((c) => [c.rule_id, c.severity]));
    await page.locator(`[data-testid=review-rules] tbody tr[data-hits]`).first().waitFor();
    const counted = await page
      .locator(RULE_ROWS)
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-rule'), Number(r.getAttribute('data-hits'))]));
    for (const [id, hits] of counted) if (severityOf.get(id as string) !== 'high') expect([id, hits]).toEqual([id, 0]);
    expect(counted.reduce((s, [, h]) => s + (h as number), 0)).toBe(n);
    await page.getByTestId('filter-severity').selectOption('');
    await waitForTotal(page, all);
  });

  it('searches message, project name, indicator and department (in SQL), and survives SQL-looking text', async () => {
    const box = page.getByTestId('review-search');
    await box.fill('满意度');
    const like = (c: string) => `${c} LIKE '%满意度%'`;
    const n = await count(['message', 'project_name', 'level3', 'department'].map(like).join(' OR '));
    expect(n).toBeGreaterThan(0);
    await waitForTotal(page, n);
    expect(search(page).get('q')).toBe('满意度');

    await box.fill("'; DROP TABLE x; --");
    await page.getByTestId('findings-empty').waitFor();
    await waitForTotal(page, 0);
    expect(await page.getByRole('alert').count()).toBe(0);

    await box.fill('');
    await waitForTotal(page, all);
    expect(search(page).has('q')).toBe(false);
  });

  it('filters by indicator category (level 1 / level 2)', async () => {
    const select = page.getByTestId('filter-category');
    await select.selectOption('产出指标/时效指标');
    await waitForTotal(page, await count("level1 = '产出指标' AND level2 = '时效指标'"));
    expect(search(page).get('category')).toBe('产出指标/时效指标');
    await select.selectOption('产出指标');
    await waitForTotal(page, await count("level1 = '产出指标'"));
    await select.selectOption('');
    await waitForTotal(page, all);
  });

  it('sorts by a header (mouse and keyboard), with aria-sort on the sorted column', async () => {
    const header = page.locator('[data-testid=findings] thead th', { has: page.locator('[data-sort=budget]') });
    await page.locator('[data-sort=budget]').click();
    await page.locator('[data-testid=findings] thead th[aria-sort=descending] [data-sort=budget]').waitFor();
    expect(await page.locator('[data-testid=findings] thead th[aria-sort]').count()).toBe(1);
    const budgets = async () =>
      (await page.locator(`${FINDING_ROWS} td.num`).allTextContents())
        .filter((s) => s !== '—')
        .map((s) => Number(s.replace(/,/g, '')));
    await waitForTotal(page, all);
    // aria-sort changes at once; the rows follow when the sorted query answers.
    const sorted = (xs: number[], dir: 1 | -1) =>
      xs.length > 5 && xs.every((x, i) => i === 0 || dir * (x - (xs[i - 1] ?? x)) >= 0);
    await expect.poll(async () => sorted(await budgets(), -1)).toBe(true);
    const desc = await budgets();
    const [max] = await session.db.query<{ m: number }>('SELECT max(budget_wan) AS m FROM findings');
    expect(desc[0]).toBe(max?.m);

    await page.locator('[data-sort=budget]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=findings] thead th[aria-sort=ascending] [data-sort=budget]').waitFor();
    await waitForTotal(page, all);
    await expect.poll(async () => sorted(await budgets(), 1)).toBe(true);
    expect(await header.getAttribute('aria-sort')).toBe('ascending');

    await page.locator('[data-sort=severity]').click();
    await page.locator('[data-testid=findings] thead th[aria-sort=ascending] [data-sort=severity]').waitFor();
  });

  it('exports the selection as review comments: CSV with the Chinese headers, named after the department', async () => {
    const department = '巨鹿县人民政府办公室';
    await page.getByTestId('filter-department').selectOption(department);
    const n = await count(`department = '${department}'`);
    await waitForTotal(page, n);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`审核意见-${department}.csv`);
    await page
      .getByTestId('export-status')
      .filter({ hasText: `审核意见-${department}.csv` })
      .waitFor();
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.length).toBeGreaterThan(0);
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(REVIEW_HEADERS.map((h) => `"${h}"`).join(','));
    expect(lines.filter(Boolean).length).toBe(n + 1);
    expect(lines.slice(1).every((l) => l === '' || l.startsWith(`"${department}"`))).toBe(true);
  });

  it('exports the same selection as XLSX', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('审核意见-巨鹿县人民政府办公室.xlsx');
    const bytes = readFileSync(await download.path());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByTestId('filter-department').selectOption('');
    await waitForTotal(page, all);
    // The message belongs to the selection it was made for.
    expect(await page.getByTestId('export-status').textContent()).toBe('');
  });

  it('switches to English: rule titles and column headers follow the locale', async () => {
    await page.locator('button.locale').click();
    await page.locator('[data-testid=review-rules] button', { hasText: 'Cost target written with ≥' }).waitFor();
    expect(await page.locator('[data-sort=message]').textContent()).toContain('Finding');
    await page.locator('button.locale').click();
    await page.locator('[data-testid=review-rules] button', { hasText: '成本指标用“≥”表述' }).waitFor();
    expect(await page.locator('[data-sort=message]').textContent()).toContain('问题');
  });

  it('saves a screenshot to test-results/review.png (a rule selected)', async () => {
    await page.locator(RULE_ROWS).nth(2).getByRole('button').click();
    await page.getByTestId('rule-detail').waitFor();
    await page.locator('[data-testid=review-findings][aria-busy=false]').waitFor();
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/review.png'), fullPage: true });
    await page.getByTestId('clear-rule').click();
    await waitForTotal(page, all);
  });

  it('links a finding to its project page', async () => {
    const link = page.locator(`${FINDING_ROWS} td a`).first();
    const href = (await link.getAttribute('href')) as string;
    expect(new URLSearchParams(href).get('view')).toBe('project');
    await link.click();
    await page.waitForURL((u) => u.searchParams.get('view') === 'project');
    expect(search(page).get('project')).toBe(new URLSearchParams(href).get('project'));
    await page.goBack();
    await waitForTotal(page, all);
  });

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
