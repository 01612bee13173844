/**
 * A document whose department, project names, indicator names and values are markup, a `javascript:`
 * link, a formula, bidi controls and a 240-letter word, imported into the built app in Chromium.
 * Every view is visited and its charts hovered so their tooltips render; nothing injected may run or
 * exist in the DOM (watched from before the app starts, so tooltips that come and go are seen too),
 * and the text is shown literally. The built page's Content-Security-Policy is checked as well.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse';
import { type AppServer, buildAndServe, ROOT } from '../util/app-server';
import { launchChromium } from '../util/browser';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const LINK = 'javascript:window.__pwned=3';
const FORMULA = '=HYPERLINK("http://x","y")';
const LONG = 'W'.repeat(240);
const BOLD = '@SUM(A1)\u2066<b>bold</b>\u2069\u202e';
/** The file name is markup too; it becomes the document id, in URLs and storage. */
const FILE = 'hostile<img src=x onerror=window.__pwned=4>.txt';

/** Sample 004 with its unit, two project names, an indicator name, description and value made hostile. */
const HOSTILE_TEXT = readFileSync(join(ROOT, 'data', '004_cd6aa045fd0140d4.txt'), 'utf8')
  .replaceAll('乐亭县机关事务中心', `乐亭县${IMG}\u202e机关\u202c中心`)
  .replace('\t公务用车监督管理平台经费\n', `\t${SCRIPT}公务用车\n`)
  .replace('\t机关运行及大院维护经费\n', `\t${LINK}\n`)
  .replace('\t公车数量\n', `\t${FORMULA}\n`)
  .replace('\t维护、监督公车数量\n', `\t${LONG}\n`)
  .replace('\t推动经济社会快速发展\n', `\t${BOLD}\n`);
const PARSED = parseDocument(HOSTILE_TEXT, FILE).document;
/** The parser drops bidi controls from names (cleanText) and keeps them in values (as printed). */
const DEPT = `乐亭县${IMG}机关中心`;

/** Elements the payloads would create if any of them were parsed as markup. */
const INJECTED = 'img[src="x"], [onerror], b, script:not([src]), a[href^="javascript:" i], iframe, object, embed';

/** Runs before the app (an init script is not subject to the page's CSP): records what must not happen. */
function watch(selector: string): void {
  const w = window as unknown as { __injected: string[]; __csp: string[] };
  w.__injected = [];
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        for (const el of [n, ...n.querySelectorAll('*')]) if (el.matches(selector)) w.__injected.push(el.outerHTML);
      }
  }).observe(document, { childList: true, subtree: true });
}

/** What the watch found so far, plus the sentinel and the injected elements in the DOM now. */
function findings(page: Page) {
  return page.evaluate((selector) => {
    const w = window as unknown as { __injected: string[]; __csp: string[]; __pwned?: unknown };
    return {
      pwned: w.__pwned ?? null,
      injected: [...w.__injected, ...Array.from(document.querySelectorAll(selector), (e) => e.outerHTML)],
      csp: w.__csp,
    };
  }, INJECTED);
}

/** The HTML of every chart tooltip on the page that is showing now. */
function tooltipHtml(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.echart > div:not(:has(canvas))'))
      .filter((d) => (d as HTMLElement).style.display !== 'none' && d.textContent)
      .map((d) => d.innerHTML),
  );
}

/** Moves the mouse across every chart of the page (a 6×5 grid each); returns the tooltips seen. */
async function hoverCharts(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  const charts = page.locator('.echart');
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    await chart.locator('canvas').first().waitFor({ timeout: 30_000 });
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) continue;
    for (let y = 1; y <= 5; y++)
      for (let x = 1; x <= 6; x++) {
        await page.mouse.move(box.x + (box.width * x) / 7, box.y + (box.height * y) / 6);
        await page.waitForTimeout(20);
        for (const html of await tooltipHtml(page)) seen.add(html);
      }
  }
  await page.mouse.move(0, 0);
  return [...seen];
}

/** Text of the cells of a table. */
function cellTexts(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('td, th')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
}

async function go(page: Page, view: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
}

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), buildAndServe()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('hostile cell text in the built app (Chromium): shown as text everywhere, never run', () => {
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const tooltips: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(watch, INJECTED);
    page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}?view=documents`);
    await page.getByTestId('documents').waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('the hostile strings survive parsing into the fields they were put in', () => {
    expect(PARSED.department).toBe(DEPT);
    expect(PARSED.projects.map((p) => p.name).slice(0, 2)).toEqual([`${SCRIPT}公务用车`, LINK]);
    const first = PARSED.projects[0]?.indicators ?? [];
    expect(first[0]).toMatchObject({ level3: FORMULA, description: LONG });
    expect(first.some((i) => i.value.raw === BOLD)).toBe(true);
  });

  it('imports the document; the documents table and import report show its name as text', async () => {
    await page.getByTestId('import-input').setInputFiles({
      name: FILE,
      mimeType: 'text/plain',
      buffer: Buffer.from(HOSTILE_TEXT, 'utf8'),
    });
    await page.locator('[data-testid=import-status][data-runs="1"][data-status=done]').waitFor({ timeout: 60_000 });
    await expect.poll(() => cellTexts(page, 'documents'), { timeout: 15_000 }).toContainEqual(FILE);
    expect(await cellTexts(page, 'import-report')).toContain(FILE);
    expect((await findings(page)).injected).toEqual([]);
  });

  it('overview: the hostile department is drawn and its tooltips show the markup as text', async () => {
    await page.goto(`${server.url}?dept=${encodeURIComponent(DEPT)}`);
    await page.getByTestId('overview').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid=overview]:not([aria-busy=true])').waitFor({ timeout: 30_000 });
    const seen = await hoverCharts(page);
    tooltips.push(...seen);
    const text = seen.map((html) => {
      const div = html.replace(/<br\/?>/g, '\n');
      return div
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    });
    // The department's tooltip holds its name with the markup escaped (`&lt;img`), not an element.
    expect(seen.some((html) => html.includes('&lt;img src=x onerror='))).toBe(true);
    expect(text.some((t) => t.includes(DEPT))).toBe(true);
  });

  it('departments: the department name and project names are table text; the page holds its layout', async () => {
    await go(page, 'departments');
    await page.getByTestId('department-table').waitFor();
    await expect
      .poll(() => cellTexts(page, 'department-table'), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining(DEPT));
    await page.getByTestId('department-table').getByRole('link', { name: DEPT }).first().click();
    await page.getByTestId('project-list').waitFor();
    const projects = await cellTexts(page, 'project-list');
    expect(projects.some((c) => c.includes(`${SCRIPT}公务用车`))).toBe(true);
    expect(projects.some((c) => c.includes(LINK))).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'hostile-departments.png'), fullPage: true });
  });

  it('project page: the 240-letter word wraps inside its cell; the value with bidi controls is isolated', async () => {
    await page.getByTestId('project-list').getByRole('link').first().click();
    await page.locator('[data-row]').first().waitFor({ timeout: 30_000 });
    const body = await page.evaluate(() => document.body.innerText);
    expect(body).toContain(LONG);
    expect(body).toContain(FORMULA);
    const value = page.locator('td.value bdi', { hasText: '@SUM(A1)' });
    expect(await value.textContent()).toBe(BOLD);
    expect(await value.evaluate((b) => getComputedStyle(b.closest('td') as Element).unicodeBidi)).toBe('isolate');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(ROOT, 'test-results', 'hostile-project.png'), fullPage: true });
  });

  it('review: findings of the hostile department show its texts', async () => {
    await page.goto(`${server.url}?view=review&dept=${encodeURIComponent(DEPT)}`);
    await page.locator('[data-testid=findings-total][data-total]:not([data-total="0"])').waitFor({ timeout: 60_000 });
    const cells = await cellTexts(page, 'findings');
    expect(cells.some((c) => c.includes(DEPT))).toBe(true);
    tooltips.push(...(await hoverCharts(page)));
  });

  it('families and years: charts hovered, nothing injected', async () => {
    for (const view of ['families', 'years']) {
      await page.goto(`${server.url}?view=${view}`);
      await page.getByTestId(view).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(500);
      tooltips.push(...(await hoverCharts(page)));
      expect((await findings(page)).injected).toEqual([]);
    }
  });

  it('console: a result with markup in values and column names is shown as text in the grid and chart', async () => {
    await page.goto(`${server.url}?view=console`);
    await page.locator('#sql-input').waitFor({ timeout: 60_000 });
    const runs = Number(await page.locator('section.console').getAttribute('data-runs'));
    await page
      .locator('#sql-input')
      .fill(
        `SELECT department AS "${IMG.replace(/"/g, '""')}", budget_wan AS n FROM documents WHERE department LIKE '%img%'`,
      );
    await page.locator('#sql-input').press('Control+Enter');
    await page.locator(`section.console[data-runs="${runs + 1}"][data-status=ready]`).waitFor({ timeout: 30_000 });
    const grid = await page.getByTestId('sql-result').evaluate((t) => t.textContent ?? '');
    expect(grid).toContain(DEPT);
    expect(grid).toContain(IMG);
    const seen = await hoverCharts(page);
    tooltips.push(...seen);
    expect(seen.some((html) => html.includes('&lt;img src=x'))).toBe(true);
  });

  it('nothing ran: no dialog, no sentinel, no injected element (tooltips included), no CSP report, no page error', async () => {
    const f = await findings(page);
    expect(dialogs).toEqual([]);
    expect(f.pwned).toBeNull();
    expect(f.injected).toEqual([]);
    expect(tooltips.filter((html) => /<(img|script|b)\b/i.test(html))).toEqual([]);
    expect(tooltips.length).toBeGreaterThan(0);
    expect(f.csp).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the watch can fail', () => {
  it('sees an element injected into a chart, and the policy refuses its inline handler', async () => {
    const context = await browser.newContext();
    await context.addInitScript(watch, INJECTED);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.echart canvas').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const tip = document.createElement('div');
      tip.innerHTML = '<img src=x onerror="window.__pwned=9">';
      document.querySelector('.echart')?.append(tip);
    });
    await expect
      .poll(async () => (await findings(page)).csp, { timeout: 10_000 })
      .toContainEqual(expect.stringMatching(/^script-src-attr /));
    const f = await findings(page);
    expect(f.injected.length).toBeGreaterThan(0);
    expect(f.pwned).toBeNull();
    await context.close();
  });
});

describe('Content-Security-Policy of the build', () => {
  /** The policy of the page's meta tag, its character references decoded. */
  const metaPolicy = (html: string) =>
    (/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(
      /&#(\d+);/g,
      (_, n: string) => String.fromCharCode(Number(n)),
    );
  const directives = (policy: string) =>
    Object.fromEntries(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name, sources.join(' ')]),
    );

  it('index.html has no inline script or handler, and its policy forbids inline script and other hosts', () => {
    const html = readFileSync(join(server.outDir, 'index.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toMatch(/^<script\b[^>]*\bsrc="[^"]+"[^>]*><\/script>$/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const meta = metaPolicy(html);
    expect(meta).not.toBe('');
    expect(directives(meta)).toEqual({
      'default-src': "'self'",
      // WebAssembly compilation for DuckDB; no 'unsafe-inline', no 'unsafe-eval'.
      'script-src': "'self' 'wasm-unsafe-eval'",
      'worker-src': "'self'",
      'connect-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      // React's and ECharts' style attributes; styles cannot run script.
      'style-src': "'self' 'unsafe-inline'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'none'",
    });
  });

  it('the preview server sends the same policy as a header (which also covers the workers)', async () => {
    const res = await fetch(server.url);
    const meta = metaPolicy(readFileSync(join(server.outDir, 'index.html'), 'utf8'));
    expect(directives(res.headers.get('content-security-policy') ?? '')).toEqual(directives(meta));
  });
});
