/**
 * App benchmark: `npm run bench:app`. Builds the app, serves it on 127.0.0.1, opens it in Chromium
 * and measures, over several page loads: time to the first chart (navigation start → first canvas of
 * the overview drawn; drawn from the precomputed summary while DuckDB-WASM starts) and a department
 * filter's effect on the overview beside the same queries on the bare engine (scripts/lib/bench-browser.ts).
 * Prints the figures and writes bench-results/app.json. Figures are medians; no assertion is made.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAndServe, ROOT } from '../test/util/app-server';
import { launchChromium } from '../test/util/browser';
import { type BrowserFigures, measureApp } from './lib/bench-browser';

const RUNS = Number(process.env.RUNS ?? 5);
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const server = await buildAndServe();

/** Bytes shipped, raw and gzip-compressed, of the built files with these endings. */
function shipped(endings: readonly string[]): { files: number; bytes: number; gzipBytes: number } {
  const out = { files: 0, bytes: 0, gzipBytes: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (endings.some((e) => entry.name.endsWith(e))) {
        const bytes = readFileSync(path);
        out.files += 1;
        out.bytes += bytes.byteLength;
        out.gzipBytes += gzipSync(bytes).byteLength;
      }
    }
  };
  walk(server.outDir);
  return out;
}
const javascript = shipped(['.js', '.mjs']);
const wasm = shipped(['.wasm']);
const browser = await launchChromium();
const firstChart: number[] = [];
const firstChartCold: number[] = [];
let filter: BrowserFigures['filter'] | undefined;
try {
  const warm = await browser.newContext();
  for (let run = 0; run < RUNS + 1; run++) {
    // Run 0 is a cold load (empty cache: the 34 MB wasm is fetched); the others reuse the browser cache.
    const context = run === 0 ? await browser.newContext() : warm;
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.getByTestId('chart-budget-by-department').locator('canvas').first().waitFor({ timeout: 60_000 });
    const ms = await page.evaluate(() => performance.now());
    (run === 0 ? firstChartCold : firstChart).push(ms);
    await page.close();
    if (run === 0) await context.close();
  }
  filter = (await measureApp(browser, `${server.url}?bench`, RUNS * 2)).filter;
} finally {
  await browser.close();
  await server.close();
}
const result = {
  date: new Date().toISOString(),
  runs: RUNS,
  firstChartColdMs: Math.round(firstChartCold[0] ?? 0),
  firstChartWarmMedianMs: Math.round(median(firstChart)),
  filterEffectMedianMs: filter?.effectMedianMs ?? null,
  filterEffectP95Ms: filter?.effectP95Ms ?? null,
  filterRawMedianMs: filter?.rawMedianMs ?? null,
  filterOverheadMedian: filter?.overheadMedian ?? null,
  targetFirstChartMs: 1500,
  javascript,
  wasm,
};
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'app.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `app: first chart ${result.firstChartWarmMedianMs} ms (median of ${RUNS} loads, cached), ${result.firstChartColdMs} ms cold; filter effect ${result.filterEffectMedianMs} ms (raw DuckDB ${result.filterRawMedianMs} ms, ×${result.filterOverheadMedian}) (target first chart ≤ 1500 ms)\n` +
    `  shipped: JavaScript ${mb(javascript.gzipBytes)} MB gzip (${mb(javascript.bytes)} MB, ${javascript.files} files), wasm ${mb(wasm.gzipBytes)} MB gzip (${mb(wasm.bytes)} MB)\n  → bench-results/app.json\n`,
);
