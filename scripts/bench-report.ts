/**
 * The last step of `npm run bench`: reads what bench:parse, bench:app, bench:import and bench:scale
 * wrote under bench-results/, prints one table of the figures the scale issue asks for beside their
 * targets (and the raw DuckDB time beside each app time, as a ratio), and writes bench-results/bench.json.
 * It measures nothing itself.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserFigures } from './lib/bench-browser';
import type { Latency } from './lib/bench-stats';

const DIR = join(import.meta.dirname, '..', 'bench-results');

function read<T>(name: string): T {
  const path = join(DIR, `${name}.json`);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run bench (or bench:${name}) first`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

interface Scale {
  date: string;
  cpu: string;
  threads: number;
  county: { indicators: number; wasmLoadSeconds: number; latency: Record<string, Latency> };
  province: {
    indicators: number;
    corpusMB: number;
    parse: { oneThread: { mbPerSecond: number }; allThreads: { mbPerSecond: number } };
    ingest: { seconds: number; parseAndArrowSeconds: number; parquetSeconds: number; findingsSeconds: number };
    wasm: { loadSeconds: number; shippedFindingsSeconds: number; rulesSeconds: number };
    native: { loadSeconds: number; rulesOverParquetSeconds: number };
    latency: Record<string, Latency>;
  };
  chromium: Record<string, BrowserFigures>;
}

const parse = read<{ mbPerSecond: number; allThreads: { threads: number; mbPerSecond: number } }>('parse');
const app = read<{
  firstChartColdMs: number;
  firstChartWarmMedianMs: number;
  javascript: { gzipBytes: number };
  wasm: { gzipBytes: number };
}>('app');
const imports = read<{ documents: number; megabytes: number; importMs: number; longestTaskMs: number }>('import');
const scale = read<Scale>('scale');
const province = scale.chromium.province;
if (!province) throw new Error('bench-results/scale.json has no Chromium figures for the province');

const checks = [
  { what: 'parse, one thread (MB/s)', value: parse.mbPerSecond, target: 20, ok: parse.mbPerSecond >= 20 },
  {
    what: 'ingest of a province-year, parse + Arrow + Parquet (s)',
    value: scale.province.ingest.seconds,
    target: 60,
    ok: scale.province.ingest.seconds < 60,
  },
  {
    what: 'province in Chromium: first chart, first load in a new browser (ms)',
    value: province.firstChartMs,
    target: 1500,
    ok: province.firstChartMs <= 1500,
  },
  {
    what: 'province in Chromium: first chart, later loads, median (ms)',
    value: province.firstChartWarmMs,
    target: 1500,
    ok: province.firstChartWarmMs <= 1500,
  },
  {
    what: 'province in Chromium: filter effect, median (ms)',
    value: province.filter.effectMedianMs,
    target: 150,
    ok: province.filter.effectMedianMs <= 150,
  },
  {
    what: "province in Chromium: a filter's queries through the app ÷ on the bare engine (median)",
    value: province.filter.queryOverheadMedian,
    target: 1.5,
    ok: province.filter.queryOverheadMedian <= 1.5,
  },
  {
    what: 'province in Chromium: filter effect (queries and drawing) ÷ its queries on the bare engine (median)',
    value: province.filter.overheadMedian,
    target: 1.5,
    ok: province.filter.overheadMedian <= 1.5,
  },
];

const mb = (b: number) => (b / 1e6).toFixed(2);
const queries = (l: Record<string, Latency>) =>
  Object.entries(l)
    .map(
      ([k, v]) =>
        `    ${k.padEnd(30)} ${String(v.medianMs).padStart(7)} ms (p95 ${String(v.p95Ms).padStart(7)})  raw ${String(v.rawMedianMs).padStart(7)} ms  ×${v.overhead}`,
    )
    .join('\n');
const page = (name: string, p: BrowserFigures) =>
  `    ${name.padEnd(9)} first chart ${p.firstChartMs} ms (later loads ${p.firstChartWarmMs} ms) · data ${p.dataLoadedMs} ms · findings ${p.findingsReadyMs} ms · filter ${p.filter.effectMedianMs} ms (p95 ${p.filter.effectP95Ms}) vs raw ${p.filter.rawMedianMs} ms (×${p.filter.overheadMedian}; queries through the app ×${p.filter.queryOverheadMedian}) · DuckDB ${p.memory.duckdbMB} MB, JS heap ${p.memory.jsHeapMB} MB`;
const p = scale.province;
process.stdout.write(`
Target Lens benchmarks (${scale.cpu}, ${scale.threads} threads; synthetic province: ${p.indicators.toLocaleString('en')} indicator rows, ${p.corpusMB} MB)
  parse            ${parse.mbPerSecond} MB/s on 1 thread, ${parse.allThreads.mbPerSecond} MB/s on ${parse.allThreads.threads} (samples in every layout); province corpus ${p.parse.oneThread.mbPerSecond} / ${p.parse.allThreads.mbPerSecond} MB/s
  ingest           province-year ${p.ingest.seconds} s (parse + Arrow ${p.ingest.parseAndArrowSeconds} s, Parquet ${p.ingest.parquetSeconds} s); findings at ingest +${p.ingest.findingsSeconds} s
  DuckDB load      DuckDB-WASM (Node) ${p.wasm.loadSeconds} s + shipped findings ${p.wasm.shippedFindingsSeconds} s (the rules themselves: ${p.wasm.rulesSeconds} s); native from Parquet ${p.native.loadSeconds} s, rules over Parquet ${p.native.rulesOverParquetSeconds} s
  queries, county (DuckDB-WASM in Node; app = through the Db layer, raw = bare connection):
${queries(scale.county.latency)}
  queries, province:
${queries(p.latency)}
  Chromium, built app (filter = a department chosen until every chart shows it; raw = the same queries on the bare engine):
${Object.entries(scale.chromium)
  .map(([k, v]) => page(k, v))
  .join('\n')}
    samples   first chart ${app.firstChartWarmMedianMs} ms cached, ${app.firstChartColdMs} ms cold (bench:app)
  shipped          JavaScript ${mb(app.javascript.gzipBytes)} MB gzip, wasm ${mb(app.wasm.gzipBytes)} MB gzip
  import           ${imports.documents} documents (${imports.megabytes} MB) in ${imports.importMs} ms, longest main-thread task ${imports.longestTaskMs} ms
  targets:
${checks.map((c) => `    ${c.ok ? 'met    ' : 'NOT MET'} ${c.what}: ${c.value} (target ${c.target})`).join('\n')}
  → bench-results/bench.json
`);
writeFileSync(
  join(DIR, 'bench.json'),
  `${JSON.stringify({ date: new Date().toISOString(), checks, parse, app, import: imports, scale }, null, 2)}\n`,
);
