/**
 * Damaged binary files never crash extraction: the samples as .docx, .xlsx, .xls and .pdf (the import
 * fixtures of scripts/lib/fixtures.ts) are damaged by every kind of test/util/binary-mutate.ts under
 * fixed seeds, and each mutant must end in an extraction or an ExtractError — never another exception,
 * a rejection escaping the call, a crashed thread or a hang. Each file is extracted in a worker thread
 * (test/util/extract-worker.ts) and the thread is ended after {@link TIMEOUT_MS}, so a synchronous loop
 * is caught too. Counts per format, kind and outcome go to test-results/extract-fuzz-summary.json; a
 * failing mutant is written to test-results/extract-fuzz/ under its format, kind and seed for replay.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeFixtures } from '../../scripts/lib/fixtures';
import type { ExtractOptions } from '../../src/extract';
import { BINARY_MUTATION_KINDS, type BinaryFormat, type BinaryMutationKind, mutateBinary } from '../util/binary-mutate';
import type { ExtractJob, ExtractOutcome } from '../util/extract-worker';

const ROOT = join(import.meta.dirname, '../..');
/** Shared with test/extract/import.test.ts: makeFixtures keeps files newer than their inputs. */
const FIXTURES = join(ROOT, 'test-results/import-fixtures');
const OUT = join(ROOT, 'test-results/extract-fuzz');
const SUMMARY = join(ROOT, 'test-results/extract-fuzz-summary.json');
const PDFJS = join(ROOT, 'node_modules/pdfjs-dist');
const OPTIONS: ExtractOptions = {
  pdf: { cMapUrl: `${PDFJS}/cmaps/`, standardFontDataUrl: `${PDFJS}/standard_fonts/` },
};
const TIMEOUT_MS = 10_000;

/**
 * The files damaged per format and the seeds per kind: the smaller samples, since a mutant that still
 * reads costs a whole extraction (a PDF page takes ~20 ms, a .docx ~100 ms). Kinds that take no
 * randomness (empty, one-byte, truncate-half) get one mutant per source.
 */
const PLAN: { format: BinaryFormat; sources: string[]; seeds: number }[] = [
  { format: 'docx', sources: ['004_cd6aa045fd0140d4.docx', '001_a1f1e70e06024129.narrow.docx'], seeds: 12 },
  { format: 'xlsx', sources: ['004_cd6aa045fd0140d4.xlsx', '001_a1f1e70e06024129.xlsx'], seeds: 22 },
  { format: 'xls', sources: ['004_cd6aa045fd0140d4.xls', '001_a1f1e70e06024129.xls'], seeds: 22 },
  { format: 'pdf', sources: ['004_cd6aa045fd0140d4.pdf', '004_cd6aa045fd0140d4.narrow.pdf', 'cmap.pdf'], seeds: 8 },
];
const FIXED_KINDS: readonly BinaryMutationKind[] = ['empty', 'one-byte', 'truncate-half'];

type Result = ExtractOutcome | { id: number; type: 'hang' } | { id: number; type: 'crash'; message: string };

/** One worker thread at a time, replaced when it hangs or dies. */
class ExtractPool {
  private worker: { thread: Worker; online: Promise<void> } | undefined;
  private pending: { id: number; worker: Worker; resolve: (r: Result) => void; timer: NodeJS.Timeout } | undefined;
  /** Exceptions or rejections that escaped a job, with the job that was running. */
  readonly escaped: ExtractOutcome[] = [];

  constructor(private readonly script: string) {}

  private spawn(): { thread: Worker; online: Promise<void> } {
    const worker = new Worker(this.script, {
      execArgv: ['--enable-source-maps'],
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    worker.on('message', (m: ExtractOutcome) => {
      if (m.type === 'escaped') this.escaped.push(m);
      else if (this.pending?.worker === worker && this.pending.id === m.id) this.settle(m);
    });
    const died = (message: string) => {
      if (this.worker?.thread === worker) this.worker = undefined;
      if (this.pending?.worker === worker) this.settle({ id: this.pending.id, type: 'crash', message });
    };
    worker.on('error', (e) => died(`${e.name}: ${e.message}`));
    worker.on('exit', (code) => died(`the thread exited with ${code}`));
    return {
      thread: worker,
      online: new Promise((resolve) => {
        worker.once('online', () => resolve());
        worker.once('exit', () => resolve());
      }),
    };
  }

  private settle(r: Result): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.resolve(r);
  }

  /** The job's outcome; the time limit starts once the thread runs, so a slow start is not a hang. */
  async run(job: ExtractJob): Promise<Result> {
    this.worker ??= this.spawn();
    const { thread: worker, online } = this.worker;
    await online;
    return new Promise((resolve) => {
      const timer = setTimeout(async () => {
        this.worker = undefined;
        this.pending = undefined;
        await worker.terminate();
        resolve({ id: job.id, type: 'hang' });
      }, TIMEOUT_MS);
      this.pending = { id: job.id, worker, resolve, timer };
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.thread.terminate();
  }
}

interface Mutant {
  id: number;
  format: BinaryFormat;
  kind: BinaryMutationKind;
  source: string;
  seed: number;
  bytes: Uint8Array;
}

function* mutants(sources: Map<string, Uint8Array>): Generator<Mutant> {
  let id = 0;
  for (const { format, sources: names, seeds } of PLAN)
    for (const kind of BINARY_MUTATION_KINDS[format]) {
      const n = FIXED_KINDS.includes(kind) ? names.length : seeds;
      for (let seed = 1; seed <= n; seed++) {
        const source = names[seed % names.length] as string;
        const bytes = mutateBinary(format, sources.get(source) as Uint8Array, kind, seed);
        yield { id: id++, format, kind, source, seed, bytes };
      }
    }
}

/** The outcome as one label: `extracted`, `ExtractError:<code>`, or the failure. */
function label(r: Result): string {
  return r.type === 'extract-error' ? `ExtractError:${r.code}` : r.type;
}

function tally(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function tallyIn(table: Record<string, Record<string, number>>, row: string, key: string): void {
  const counts = table[row] ?? {};
  table[row] = counts;
  tally(counts, key);
}

let pool: ExtractPool;
const sources = new Map<string, Uint8Array>();

beforeAll(async () => {
  await makeFixtures(FIXTURES);
  for (const { sources: names } of PLAN)
    for (const name of names) sources.set(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
  mkdirSync(OUT, { recursive: true });
  const script = join(OUT, 'extract-worker.mjs');
  await build({
    entryPoints: [join(ROOT, 'test/util/extract-worker.ts')],
    outfile: script,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  pool = new ExtractPool(script);
}, 240_000);

afterAll(() => pool?.close());

it('every source extracts before it is damaged', async () => {
  for (const [name, bytes] of sources) {
    const r = await pool.run({ id: -1, name, bytes, options: OPTIONS });
    expect(r, name).toMatchObject({ type: 'extracted' });
  }
}, 60_000);

it('damaged .docx, .xlsx, .xls and .pdf files end in text or an ExtractError, never another exception or a hang', async () => {
  const started = performance.now();
  const byKind: Record<string, Record<string, number>> = {};
  const byFormat: Record<string, Record<string, number>> = {};
  const outcomes: Record<string, number> = {};
  const causes: Record<string, number> = {};
  const throwers: Record<string, number> = {};
  const failures: Record<string, unknown>[] = [];
  const slowest: { mutant: string; ms: number; outcome: string }[] = [];
  let total = 0;
  for (const m of mutants(sources)) {
    const ext = m.source.replace(/^.*\./, '');
    const name = `${m.source.replace(/\.[^.]*$/, '')}.${m.kind}.${m.seed}.${ext}`;
    const t0 = performance.now();
    const r = await pool.run({ id: m.id, name, bytes: m.bytes, options: OPTIONS });
    const ms = performance.now() - t0;
    const outcome = label(r);
    total++;
    tallyIn(byKind, `${m.format} ${m.kind}`, outcome);
    tallyIn(byFormat, m.format, outcome);
    tally(outcomes, outcome);
    if (r.type === 'extract-error') tally(causes, `${r.code}:${r.cause || '-'}`);
    if (r.type === 'extract-error' && r.causeAt) tally(throwers, `${r.cause} at ${r.causeAt}`);
    slowest.push({ mutant: name, ms: Math.round(ms), outcome });
    if (r.type === 'exception' || r.type === 'hang' || r.type === 'crash' || r.type === 'escaped') {
      const file = join(OUT, name);
      writeFileSync(file, m.bytes);
      failures.push({ format: m.format, kind: m.kind, source: m.source, seed: m.seed, file, ...r });
    }
  }
  for (const e of pool.escaped) failures.push({ ...e });
  const summary = {
    total,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    timeoutMs: TIMEOUT_MS,
    outcomes,
    byFormat,
    causes,
    throwers,
    byKind,
    slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 10),
    failures,
  };
  writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 2)}\n`);
  const lines = Object.entries(byKind).map(
    ([k, o]) =>
      `${k.padEnd(28)} ${Object.entries(o)
        .map(([l, n]) => `${l}=${n}`)
        .join(' ')}`,
  );
  console.log(
    [`extract fuzz: ${total} mutants in ${summary.seconds} s`, JSON.stringify(outcomes), ...lines].join('\n'),
  );
  expect(failures).toEqual([]);
  expect(total).toBeGreaterThanOrEqual(1000);
  for (const { format } of PLAN)
    for (const kind of BINARY_MUTATION_KINDS[format])
      expect(byKind[`${format} ${kind}`], `${format} ${kind}`).toBeDefined();
}, 600_000);
