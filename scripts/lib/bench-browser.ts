/**
 * The app measured in Chromium (for `npm run bench`): opens the built app on a dataset with `?bench`
 * (which makes the engine log every query and offer the bare engine, src/db/browser.ts) and measures
 * time to the first chart, to the data loaded and to the findings ready, memory, and the effect of a
 * department filter on the overview: from the change event until every figure and chart shows the
 * filter (the overview's aria-busy goes true, then false, then a frame is painted). Beside each
 * filter effect: the same queries run one after another on the bare engine in the same page, so the
 * app's own overhead shows as a ratio.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { quantile, round as roundTo } from './bench-stats';

const round = (n: number, digits = 1) => roundTo(n, digits);

export interface FilterRun {
  department: string;
  /** From the change until every figure and chart shows the filter (queries, rows, React, ECharts). */
  effectMs: number;
  /** The queries the filter made the app run, timed again one by one on the bare engine (medians of 5). */
  rawMs: number;
  /** The same queries through the app's Db, as the views get them (medians of 5). */
  appQueriesMs: number;
  queries: number;
  /** Each query through the app and on the bare engine (the start of its SQL). */
  perQuery: { sql: string; appMs: number; rawMs: number }[];
}

export interface BrowserFigures {
  /** Cold: the first load in a new browser context. */
  firstChartMs: number;
  /** Median of five loads after it (the browser cache warm). */
  firstChartWarmMs: number;
  dataLoadedMs: number;
  findingsReadyMs: number;
  filter: {
    runs: FilterRun[];
    effectMedianMs: number;
    effectP95Ms: number;
    rawMedianMs: number;
    /** Filter effect ÷ raw queries: everything the app adds, rendering included. */
    overheadMedian: number;
    /** Queries through the app ÷ raw: what the app's query path adds. */
    queryOverheadMedian: number;
  };
  memory: { jsHeapMB: number | null; duckdbMB: number | null };
  documents: number;
  indicators: number;
}

/** Page code as strings: functions passed to page.evaluate from tsx carry its __name helper, which the page lacks. */
const FILTER_RUN = `async (index) => {
  // The department filter: a drop-down, or (many departments) a text field with suggestions.
  const field = document.querySelector('[data-testid="filter-department"]');
  const isSelect = field.tagName === 'SELECT';
  const values = isSelect ? [...field.options].map((o) => o.value) : ['', ...[...field.list.options].map((o) => o.value)];
  const set = (v) => {
    if (isSelect) {
      field.value = v;
      field.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, v);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  };
  const overview = document.querySelector('[data-testid="overview"]');
  const hook = window.__targetLensBench;
  const from = hook.log.length;
  const busyCycle = new Promise((done) => {
    let seenBusy = false;
    const observer = new MutationObserver(() => {
      const busy = overview.getAttribute('aria-busy') === 'true';
      if (busy) seenBusy = true;
      else if (seenBusy) { observer.disconnect(); done(); }
    });
    observer.observe(overview, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  const t0 = performance.now();
  set(values[index]);
  await busyCycle;
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  const effectMs = performance.now() - t0;
  const sqls = hook.log.slice(from).map((q) => q.sql);
  // Each query again, one at a time, five times through the app's Db (answer turned into rows, as
  // the views get it) and five times on the bare engine, alternating: medians.
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const perQuery = [];
  for (const sql of sqls) {
    const app = [];
    const raw = [];
    for (let i = 0; i < 5; i++) {
      app.push(await hook.app(sql));
      raw.push((await hook.raw(sql)).ms);
    }
    perQuery.push({ sql: sql.replace(/\\s+/g, ' ').slice(0, 48), appMs: median(app), rawMs: median(raw) });
  }
  const rawMs = perQuery.reduce((s, q) => s + q.rawMs, 0);
  const appQueriesMs = perQuery.reduce((s, q) => s + q.appMs, 0);
  return { department: values[index], effectMs, rawMs, appQueriesMs, queries: sqls.length, choices: values.length, perQuery };
}`;

const SCALAR = `async (sql) => {
  const { rows } = await window.__targetLensBench.raw(sql);
  const row = rows[0] ?? {};
  return Number(Object.values(row)[0] ?? 0);
}`;

/** Time to the first chart of page loads after the first (the browser cache warm), median. */
async function firstChartWarm(context: BrowserContext, url: string, loads: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByTestId('chart-budget-by-department').locator('canvas').first().waitFor({ timeout: 120_000 });
    times.push((await page.evaluate('performance.now()')) as number);
    await page.close();
  }
  return round(quantile(times, 0.5), 0);
}

/**
 * Opens `url` (the built app, with its query string) in a new browser context and measures it (the
 * first load is cold); then `runs` filter changes, then the first chart of five more loads.
 */
export async function measureApp(browser: Browser, url: string, runs: number): Promise<BrowserFigures> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByTestId('chart-budget-by-department').locator('canvas').first().waitFor({ timeout: 120_000 });
    const firstChartMs = await page.evaluate('performance.now()');
    if (process.env.BENCH_DEBUG) process.stderr.write(`first chart\n`);
    await page.getByTestId('filter-department').waitFor({ timeout: 600_000 });
    const dataLoadedMs = await page.evaluate('performance.now()');
    if (process.env.BENCH_DEBUG) process.stderr.write(`data loaded\n`);
    // Findings are ready when the quality figure shows a score and nothing is pending.
    // (Polled from here: waitForFunction would evaluate a string in the page, which its CSP forbids.)
    const ready = `document.querySelector('[data-figure="score"] dd')?.textContent !== '…' && document.querySelector('[data-testid="overview"]')?.getAttribute('aria-busy') === 'false'`;
    for (const t0 = Date.now(); !(await page.evaluate(ready)); ) {
      if (Date.now() - t0 > 600_000) throw new Error('findings not ready after 10 minutes');
      await new Promise((done) => setTimeout(done, 50));
    }
    const findingsReadyMs = await page.evaluate('performance.now()');
    if (process.env.BENCH_DEBUG) process.stderr.write(`findings ready\n`);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const options = (await page.evaluate(
      `(() => { const f = document.querySelector('[data-testid="filter-department"]'); return f.tagName === 'SELECT' ? f.options.length : f.list.options.length + 1; })()`,
    )) as number;
    const filterRuns: FilterRun[] = [];
    // Each run selects a department (by position, spread over the list), then all departments again.
    for (let i = 0; i < runs; i++) {
      const index = 1 + Math.floor((i * (options - 1)) / runs);
      filterRuns.push((await page.evaluate(`(${FILTER_RUN})(${index})`)) as FilterRun);
      await page.evaluate(`(${FILTER_RUN})(0)`);
    }
    const scalar = async (sql: string) => (await page.evaluate(`(${SCALAR})(${JSON.stringify(sql)})`)) as number;
    const duckdbBytes = await scalar('SELECT sum(memory_usage_bytes) FROM duckdb_memory()').catch(() => null);
    const jsHeap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : null')) as
      | number
      | null;
    const documents = await scalar('SELECT count(*) FROM documents');
    const indicators = await scalar('SELECT count(*) FROM indicators');
    await page.close();
    const warm = await firstChartWarm(context, url, 5);
    const effects = filterRuns.map((r) => r.effectMs);
    const raws = filterRuns.map((r) => r.rawMs);
    return {
      firstChartMs: round(firstChartMs as number, 0),
      firstChartWarmMs: warm,
      dataLoadedMs: round(dataLoadedMs as number, 0),
      findingsReadyMs: round(findingsReadyMs as number, 0),
      filter: {
        runs: filterRuns.map((r) => ({
          ...r,
          effectMs: round(r.effectMs),
          rawMs: round(r.rawMs),
          appQueriesMs: round(r.appQueriesMs),
          perQuery: r.perQuery.map((q) => ({ ...q, appMs: round(q.appMs), rawMs: round(q.rawMs) })),
        })),
        effectMedianMs: round(quantile(effects, 0.5)),
        effectP95Ms: round(quantile(effects, 0.95)),
        rawMedianMs: round(quantile(raws, 0.5)),
        overheadMedian: round(
          quantile(
            filterRuns.map((r) => r.effectMs / Math.max(r.rawMs, 0.1)),
            0.5,
          ),
          2,
        ),
        queryOverheadMedian: round(
          quantile(
            filterRuns.map((r) => r.appQueriesMs / Math.max(r.rawMs, 0.1)),
            0.5,
          ),
          2,
        ),
      },
      memory: {
        jsHeapMB: jsHeap === null ? null : round(jsHeap / 1e6),
        duckdbMB: duckdbBytes === null ? null : round(duckdbBytes / 1e6),
      },
      documents,
      indicators,
    };
  } finally {
    await context.close();
  }
}
