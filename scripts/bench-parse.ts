/**
 * Parser throughput: `npm run bench:parse`. Renders the sample documents (data/*.txt) in every
 * layout family, with varying seeds, until the corpus holds at least 50 MB of UTF-8 text, then
 * parses all of it on one thread and on every core (worker threads). Prints MB/s overall and per
 * layout (MB = 10^6 bytes) and writes the figures to bench-results/parse.json.
 *
 * The parser is measured as it ships: bundled by esbuild without `keepNames` (tsx, which runs
 * this script, wraps every function for its name, which alone costs about a fifth of the time).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { ParseResult } from '../src/parse';
import { parseDocument as parseForSetup } from '../src/parse';
import { RENDER_LAYOUTS, type RenderLayout, renderDocument } from '../src/render';

const TARGET_BYTES = 50e6;
const DATA = join(import.meta.dirname, '..', 'data');
const OUT_DIR = join(import.meta.dirname, '..', 'bench-results');

interface Item {
  name: string;
  layout: RenderLayout;
  text: string;
  bytes: number;
}

interface Tally {
  bytes: number;
  documents: number;
  projects: number;
  ms: number;
}

const tally = (): Tally => ({ bytes: 0, documents: 0, projects: 0, ms: 0 });
const mbps = (t: Tally) => (t.ms > 0 ? t.bytes / 1e6 / (t.ms / 1000) : 0);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

const samples = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, document: parseForSetup(readFileSync(join(DATA, name), 'utf8'), name).document }));

mkdirSync(OUT_DIR, { recursive: true });
const bundle = join(OUT_DIR, 'parser.bundle.mjs');
await build({
  entryPoints: [join(import.meta.dirname, '..', 'src/parse/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: bundle,
  logLevel: 'error',
});
const { parseDocument } = (await import(pathToFileURL(bundle).href)) as {
  parseDocument: (text: string, file: string) => ParseResult;
};

const corpus: Item[] = [];
let corpusBytes = 0;
for (let round = 0; corpusBytes < TARGET_BYTES; round++)
  for (const s of samples)
    for (const layout of RENDER_LAYOUTS) {
      const text = renderDocument(s.document, layout, { seed: round + 1, toc: round % 2 === 1 });
      const bytes = Buffer.byteLength(text, 'utf8');
      corpus.push({ name: `${s.name}#${round}`, layout, text, bytes });
      corpusBytes += bytes;
    }

// Warm-up (JIT) on the first round, not timed.
for (const item of corpus.slice(0, samples.length * RENDER_LAYOUTS.length)) parseDocument(item.text, item.name);

const total = tally();
const byLayout = new Map<RenderLayout, Tally>(RENDER_LAYOUTS.map((l) => [l, tally()]));
const misdetected: Record<string, number> = {};
for (const item of corpus) {
  const t0 = performance.now();
  const { document } = parseDocument(item.text, item.name);
  const ms = performance.now() - t0;
  const t = byLayout.get(item.layout) as Tally;
  for (const x of [t, total]) {
    x.bytes += item.bytes;
    x.documents++;
    x.projects += document.projects.length;
    x.ms += ms;
  }
  if (document.layout !== item.layout) {
    const key = `${item.layout}→${document.layout}`;
    misdetected[key] = (misdetected[key] ?? 0) + 1;
  }
}

const figures = (t: Tally) => ({
  mbPerSecond: round(mbps(t)),
  megabytes: round(t.bytes / 1e6),
  documents: t.documents,
  projects: t.projects,
  seconds: round(t.ms / 1000, 3),
});

/** Parses the whole corpus on `n` worker threads at once; returns the wall-clock seconds. */
async function parallel(n: number): Promise<number> {
  const source = `
    import { parentPort, workerData } from 'node:worker_threads';
    const { parseDocument } = await import(workerData.bundle);
    parentPort.on('message', (texts) => {
      let projects = 0;
      for (const t of texts) projects += parseDocument(t, 'x').document.projects.length;
      parentPort.postMessage(projects);
    });`;
  const workers = Array.from(
    { length: n },
    () => new Worker(source, { eval: true, workerData: { bundle: pathToFileURL(bundle).href } }),
  );
  const shares: string[][] = workers.map(() => []);
  corpus.forEach((item, i) => {
    shares[i % n]?.push(item.text);
  });
  const run = () =>
    Promise.all(
      workers.map(
        (w, i) =>
          new Promise<number>((ok) => {
            w.once('message', ok);
            w.postMessage(shares[i]);
          }),
      ),
    );
  await run(); // warm-up
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
}

const threads = availableParallelism();
const parallelSeconds = await parallel(threads);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  threads: 1,
  targetMbPerSecond: 20,
  allThreads: { threads, seconds: round(parallelSeconds, 3), mbPerSecond: round(corpusBytes / 1e6 / parallelSeconds) },
  ...figures(total),
  layouts: Object.fromEntries(RENDER_LAYOUTS.map((l) => [l, figures(byLayout.get(l) as Tally)])),
  misdetected,
};

const pad = (s: string, n: number) => s.padEnd(n);
const lines = [
  `parse: ${result.allThreads.mbPerSecond} MB/s on ${threads} threads, ${result.mbPerSecond} MB/s on one thread — ${result.megabytes} MB, ${result.documents} documents, ${result.projects} projects (target ≥ 20 MB/s on this machine)`,
  ...RENDER_LAYOUTS.map((l) => {
    const f = result.layouts[l] as ReturnType<typeof figures>;
    return `  ${pad(l, 9)} ${String(f.mbPerSecond).padStart(7)} MB/s  ${String(f.megabytes).padStart(6)} MB  ${String(f.documents).padStart(5)} documents  ${String(f.seconds).padStart(7)} s`;
  }),
];
if (Object.keys(misdetected).length) lines.push(`  layout misdetected: ${JSON.stringify(misdetected)}`);
writeFileSync(join(OUT_DIR, 'parse.json'), `${JSON.stringify(result, null, 2)}\n`);
lines.push('  → bench-results/parse.json');
process.stdout.write(`${lines.join('\n')}\n`);
