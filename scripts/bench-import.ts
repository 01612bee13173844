/**
 * Import benchmark: `npm run bench:import`. Renders 200 documents (the five samples under other
 * department names, as HTML and column-aligned text, the largest layouts; about 10 MB), imports them through the
 * file input of the built app in Chromium and measures the time from choosing the files to the
 * import report, the longest main-thread task meanwhile (the page's responsiveness), and the start-up
 * time of a reload with the 200 documents kept in the browser.
 * Prints the figures and writes bench-results/import.json; no assertion is made.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from '../src/parse';
import { renderDocument } from '../src/render';
import { buildAndServe, ROOT } from '../test/util/app-server';
import { launchChromium } from '../test/util/browser';

const DOCUMENTS = Number(process.env.DOCUMENTS ?? 200);
const EXTENSION = { tsv: 'txt', word: 'txt', 'pdf-text': 'txt', markdown: 'md', html: 'html', aligned: 'txt' } as const;
/** The two largest layouts (and aligned is the slowest to parse): 200 documents come to about 10 MB. */
const LAYOUTS = ['html', 'aligned'] as const;

/** Writes the benchmark corpus: sample i % 5 as department "<name>（样本 i）", layouts alternating. */
function writeCorpus(dir: string): string[] {
  const samples = readdirSync(join(ROOT, 'data'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDocument(readFileSync(join(ROOT, 'data', f), 'utf8'), f).document);
  const files: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const sample = samples[i % samples.length];
    const layout = LAYOUTS[i % LAYOUTS.length];
    if (!sample || !layout) throw new Error('no samples');
    const doc = { ...sample, department: `${sample.department ?? '某部门'}（样本${i + 1}）` };
    const file = join(dir, `bench-${String(i + 1).padStart(3, '0')}.${EXTENSION[layout]}`);
    writeFileSync(file, renderDocument(doc, layout, { seed: i + 1 }));
    files.push(file);
  }
  return files;
}

const dir = mkdtempSync(join(tmpdir(), 'target-lens-import-'));
const files = writeCorpus(dir);
const megabytes = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
const server = await buildAndServe();
const browser = await launchChromium();
let result: Record<string, unknown>;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}?view=documents`);
  await page.getByTestId('documents').waitFor({ timeout: 60_000 });
  // The longest main-thread task and the longest gap between animation frames tell whether the page stayed responsive.
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.longestTask = 0;
    window.longestFrameGap = 0;
    window.watching = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration);
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const tick = (now) => {
      window.longestFrameGap = Math.max(window.longestFrameGap, now - last);
      last = now;
      if (window.watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const t0 = Date.now();
  await page.getByTestId('import-input').setInputFiles(files);
  await page.locator('[data-testid=import-status][data-status=done]').waitFor({ timeout: 120_000 });
  const importMs = Date.now() - t0;
  const responsiveness = (await page.evaluate(
    '(() => { window.watching = false; return { longestTask: window.longestTask, longestFrameGap: window.longestFrameGap }; })()',
  )) as { longestTask: number; longestFrameGap: number };
  const imported = await page.locator('[data-testid=import-report] tr[data-ok=true]').count();
  const r0 = Date.now();
  await page.reload();
  await page.locator(`[data-testid=documents] > tbody > tr[data-file="${files.at(-1)?.split('/').pop()}"]`).waitFor({
    timeout: 60_000,
  });
  const reloadMs = Date.now() - r0;
  result = {
    date: new Date().toISOString(),
    documents: DOCUMENTS,
    imported,
    megabytes: Number(megabytes.toFixed(2)),
    importMs,
    longestTaskMs: Math.round(responsiveness.longestTask),
    longestFrameGapMs: Math.round(responsiveness.longestFrameGap),
    reloadWithStoredMs: reloadMs,
    targetImportMs: 10_000,
  };
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'import.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(
  `import: ${result.imported}/${DOCUMENTS} documents (${result.megabytes} MB) in ${result.importMs} ms (target < 10000 ms); longest main-thread task ${result.longestTaskMs} ms, longest frame gap ${result.longestFrameGapMs} ms; reload with them stored ${result.reloadWithStoredMs} ms\n  → bench-results/import.json\n`,
);
