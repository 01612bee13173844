/**
 * Parallel ingest for corpora of any size (`npm run ingest -- --workers N`): worker threads parse
 * batches of files (one folder, i.e. one year/region of a corpus, at a time) and return Arrow IPC per
 * year/region; the main thread appends them to one Arrow IPC stream per table (the dataset the app
 * loads), optionally writes one set of Arrow files per year/region with a manifest, and optionally
 * Parquet partitioned by year and region through native DuckDB. Memory stays bounded by a few batches:
 * nothing holds the whole corpus.
 */
import { closeSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { type DatasetManifest, MANIFEST_FILE, SUMMARY_FILE, TABLES, type TableName } from '../../src/db';
import { IPC_EOS, ipcStreamBody } from '../../src/db/arrow';
import { PARTITIONS_DIR, PARTITIONS_MANIFEST, type PartitionEntry } from '../../src/db/manifest';

export { PARTITIONS_DIR, PARTITIONS_MANIFEST, type PartitionEntry };

import { openNodeDb } from '../../src/db/node';
import { budgetByDepartmentQuery, headlineQuery } from '../../src/db/queries-overview';
import { tableSpec } from '../../src/db/schema';
import { ident, literal } from '../../src/db/sql';
import { FAMILIES_FILE } from './dataset';
import { writeFindings } from './ingest-findings';
import type { IngestGroup, IngestJob, IngestReply } from './ingest-worker';
import { openNativeDb } from './native-db';

/** Options of {@link ingestParallel}. */
export interface ParallelIngestOptions {
  /** Worker threads (default: every core). */
  workers?: number;
  /** Dataset folder (Arrow IPC per table + manifest.json + summary.json), replaced as a whole; null: none. */
  outDir?: string | null;
  /** Also write one set of Arrow files per year/region under `outDir/partitions/`, with partitions.json. */
  arrowPartitions?: boolean;
  /** Parquet folder (`<table>/year=…/region=…/*.parquet`), replaced as a whole; null: none. */
  parquetDir?: string | null;
  /**
   * Also run the rules at ingest (native DuckDB over the Parquet, written to a temporary folder when
   * `parquetDir` is not set) and write their findings beside the dataset (needs `outDir`).
   */
  findings?: boolean;
  /** Parse only, write nothing (parser throughput). */
  parseOnly?: boolean;
  /** Called at most about once a second, and once at the end. */
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  seconds: number;
  phase: 'parse' | 'parquet' | 'findings' | 'done';
}

export interface ParallelIngestResult {
  files: number;
  bytes: number;
  documents: number;
  projects: number;
  indicators: number;
  errors: number;
  rows: Record<TableName, number>;
  /** Findings written at ingest (0 without `findings`). */
  findings: number;
  /** Wall-clock seconds: parsing with the Arrow writes, the Parquet step, the rules, everything. */
  seconds: { parse: number; parquet: number; findings: number; total: number };
  workers: number;
}

const TEXT_FILE = /\.(txt|md|html?)$/i;
const BATCH_FILES = 100;

/** Files of `dir` (recursively), grouped by folder and cut into batches of at most 100, sorted. */
export async function listBatches(dir: string): Promise<string[][]> {
  const byDir = new Map<string, string[]>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) continue;
    const parent = entry.parentPath;
    const list = byDir.get(parent);
    if (list) list.push(join(parent, entry.name));
    else byDir.set(parent, [join(parent, entry.name)]);
  }
  const batches: string[][] = [];
  for (const d of [...byDir.keys()].sort()) {
    const files = (byDir.get(d) as string[]).sort();
    for (let i = 0; i < files.length; i += BATCH_FILES) batches.push(files.slice(i, i + BATCH_FILES));
  }
  return batches;
}

let bundlePromise: Promise<string> | undefined;

/** The worker, bundled once per process (tsx's name-keeping wrappers cost about a fifth of the parse time). */
function workerBundle(): Promise<string> {
  bundlePromise ??= (async () => {
    const root = join(import.meta.dirname, '..', '..');
    const outfile = join(root, 'node_modules', '.cache', 'target-lens', 'ingest-worker.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, 'ingest-worker.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile,
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundlePromise;
}

/**
 * Appends Arrow IPC streams of one schema to a file as a single stream: the first keeps its schema
 * message, the others lose it, and every end-of-stream marker but the last is dropped.
 */
class IpcAppender {
  private fd: number;
  private started = false;
  bytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  append(ipc: Uint8Array): void {
    const part = ipcStreamBody(ipc, !this.started);
    writeSync(this.fd, part);
    this.bytes += part.byteLength;
    this.started = true;
  }

  close(): void {
    writeSync(this.fd, IPC_EOS);
    this.bytes += IPC_EOS.byteLength;
    closeSync(this.fd);
  }
}

const safe = (s: string | number | null) => encodeURIComponent(String(s ?? 'NULL'));

/** The native-DuckDB column list of a table, as read_json's `columns`. */
function jsonColumns(name: TableName): string {
  return `{${tableSpec(name)
    .columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`)
    .join(', ')}}`;
}

/** Writes the NDJSON staged by the workers as Parquet partitioned by year and region (one COPY per table). */
async function writeParquet(stage: string, outDir: string, rows: Record<TableName, number>): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const db = await openNativeDb();
  try {
    for (const t of TABLES) {
      const target = join(outDir, t.name);
      const cols = tableSpec(t.name).columns.map((c) => ident(c.name));
      if (rows[t.name] === 0) {
        // an empty table still gets a (zero-row) file, so read_parquet over it finds one
        mkdirSync(join(target, 'year=0', 'region=none'), { recursive: true });
        const casts = tableSpec(t.name)
          .columns.filter((c) => c.name !== 'year' && c.name !== 'region')
          .map((c) => `NULL::${c.type} AS ${ident(c.name)}`);
        await db.exec(
          `COPY (SELECT ${casts.join(', ')} WHERE FALSE) TO ${literal(join(target, 'year=0', 'region=none', 'empty.parquet'))} (FORMAT parquet)`,
        );
        continue;
      }
      const source = `read_json(${literal(join(stage, t.name, '*.ndjson'))}, format = 'newline_delimited', columns = ${jsonColumns(t.name)})`;
      await db.exec(
        `COPY (SELECT ${cols.join(', ')} FROM ${source}) TO ${literal(target)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year, region), OVERWRITE_OR_IGNORE)`,
      );
    }
  } finally {
    await db.close();
  }
}

/**
 * Ingests every text document under `dataDir` (recursively) on worker threads; see the module comment
 * for what is written. Batches are written in folder order, so the output does not depend on which
 * worker finished first.
 */
export async function ingestParallel(
  dataDir: string,
  options: ParallelIngestOptions = {},
): Promise<ParallelIngestResult> {
  const started = performance.now();
  const n = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const outDir = options.parseOnly ? null : (options.outDir ?? null);
  const withFindings = Boolean(options.findings && outDir);
  const parquetDir = options.parseOnly
    ? null
    : (options.parquetDir ??
      (withFindings ? join(tmpdir(), `target-lens-parquet-${process.pid}-${Date.now()}`) : null));
  const batches = await listBatches(dataDir);
  const totalFiles = batches.reduce((s, b) => s + b.length, 0);
  let totalBytes = 0;
  for (const b of batches) for (const f of b) totalBytes += statSync(f).size;
  const stage = parquetDir ? join(tmpdir(), `target-lens-stage-${process.pid}-${Date.now()}`) : null;

  const appenders = new Map<TableName, IpcAppender>();
  const partitions = new Map<string, PartitionEntry>();
  const manifest: DatasetManifest = { version: 1, documents: [], tables: [] };
  if (outDir) {
    await rm(outDir, { recursive: true, force: true });
    for (const t of TABLES) appenders.set(t.name, new IpcAppender(join(outDir, `${t.name}.arrow`)));
  }
  const rows = Object.fromEntries(TABLES.map((t) => [t.name, 0])) as Record<TableName, number>;
  const result: ParallelIngestResult = {
    files: totalFiles,
    bytes: 0,
    documents: 0,
    projects: 0,
    indicators: 0,
    errors: 0,
    rows,
    findings: 0,
    seconds: { parse: 0, parquet: 0, findings: 0, total: 0 },
    workers: n,
  };
  let filesDone = 0;
  let lastProgress = 0;
  const progress = (phase: IngestProgress['phase'], force = false) => {
    const now = performance.now();
    if (!options.onProgress || (!force && now - lastProgress < 1000)) return;
    lastProgress = now;
    options.onProgress({
      files: filesDone,
      totalFiles,
      bytes: result.bytes,
      totalBytes,
      seconds: (now - started) / 1000,
      phase,
    });
  };

  const writeGroup = (batch: number, group: IngestGroup) => {
    for (const d of group.documents) manifest.documents.push(d);
    result.documents += group.documents.length;
    const key = `${group.year}\u0000${group.region}`;
    let entry = partitions.get(key);
    if (options.arrowPartitions && !entry) {
      entry = {
        year: group.year,
        region: group.region,
        documents: 0,
        docIds: [],
        tables: TABLES.map((t) => ({ name: t.name, files: [], rows: 0, bytes: 0 })),
      };
      partitions.set(key, entry);
    }
    if (entry) {
      entry.documents += group.documents.length;
      for (const d of group.documents) entry.docIds.push(d.docId);
    }
    for (const t of TABLES) {
      rows[t.name] += group.rows[t.name];
      appenders.get(t.name)?.append(group.ipc[t.name]);
      if (entry && outDir) {
        const file = `year=${safe(group.year)}/region=${safe(group.region)}/${t.name}-${batch}.arrow`;
        const path = join(outDir, PARTITIONS_DIR, file);
        mkdirSync(dirname(path), { recursive: true });
        const fd = openSync(path, 'w');
        writeSync(fd, group.ipc[t.name]);
        closeSync(fd);
        const spec = entry.tables.find((x) => x.name === t.name);
        if (spec) {
          spec.files.push(file);
          spec.rows += group.rows[t.name];
          spec.bytes += group.ipc[t.name].byteLength;
        }
      }
    }
  };

  const bundle = pathToFileURL(await workerBundle());
  const workers = Array.from({ length: Math.min(n, Math.max(1, batches.length)) }, () => new Worker(bundle));
  const done = new Map<number, IngestReply>();
  let nextToWrite = 0;
  let nextToSend = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      if (batches.length === 0) return resolve();
      const send = (w: Worker) => {
        if (nextToSend >= batches.length) return;
        const job: IngestJob = {
          id: nextToSend,
          files: batches[nextToSend] as string[],
          parseOnly: options.parseOnly ?? false,
          stage,
        };
        nextToSend++;
        w.postMessage(job);
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (m: { ok: true; reply: IngestReply } | { ok: false; id: number; error: string }) => {
          if (!m.ok) return reject(new Error(`ingest worker, batch ${m.id}: ${m.error}`));
          const r = m.reply;
          filesDone += batches[r.id]?.length ?? 0;
          result.bytes += r.bytes;
          result.projects += r.projects;
          result.indicators += r.indicators;
          result.errors += r.errors;
          if (options.parseOnly) result.documents += batches[r.id]?.length ?? 0;
          done.set(r.id, r);
          send(w);
          try {
            for (let next = done.get(nextToWrite); next; next = done.get(nextToWrite)) {
              done.delete(nextToWrite);
              for (const g of next.groups) writeGroup(nextToWrite, g);
              nextToWrite++;
            }
          } catch (err) {
            return reject(err);
          }
          progress('parse');
          if (nextToWrite >= batches.length) resolve();
        });
        send(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (const a of appenders.values()) a.close();
  result.seconds.parse = (performance.now() - started) / 1000;

  if (parquetDir && stage) {
    progress('parquet', true);
    const t0 = performance.now();
    try {
      await writeParquet(stage, parquetDir, rows);
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
    result.seconds.parquet = (performance.now() - t0) / 1000;
  }
  if (outDir) {
    for (const t of TABLES) {
      const a = appenders.get(t.name) as IpcAppender;
      manifest.tables.push({ name: t.name, file: `${t.name}.arrow`, rows: rows[t.name], bytes: a.bytes });
    }
    if (withFindings && parquetDir) {
      progress('findings', true);
      const t0 = performance.now();
      try {
        const f = await writeFindings(
          parquetDir,
          outDir,
          options.arrowPartitions ? join(outDir, PARTITIONS_DIR) : null,
        );
        manifest.findings = f.manifest;
        result.findings = f.manifest.rows;
        for (const p of f.partitions) {
          const entry = partitions.get(`${p.year}\u0000${p.region}`);
          if (entry) entry.findings = { file: p.file, rows: p.rows, bytes: p.bytes };
        }
      } finally {
        if (!options.parquetDir) await rm(parquetDir, { recursive: true, force: true });
      }
      result.seconds.findings = (performance.now() - t0) / 1000;
    }
    await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    if (options.arrowPartitions)
      await writeFile(
        join(outDir, PARTITIONS_DIR, PARTITIONS_MANIFEST),
        `${JSON.stringify({ version: 1, partitions: [...partitions.values()] }, null, 2)}\n`,
      );
    await writeSummary(outDir);
    const families = await readFile(join(dataDir, FAMILIES_FILE)).catch(() => null);
    if (families) await writeFile(join(outDir, FAMILIES_FILE), families);
  }
  result.seconds.total = (performance.now() - started) / 1000;
  progress('done', true);
  return result;
}

/** summary.json as `writeDataset` makes it, from the documents table alone (the two queries need nothing else). */
async function writeSummary(outDir: string): Promise<void> {
  const db = await openNodeDb();
  try {
    await db.insertArrowIPC('documents', await readFile(join(outDir, 'documents.arrow')), { create: true });
    const none = { year: null, region: null, department: null };
    const summary = {
      headline: (await db.query(headlineQuery(none)))[0] ?? null,
      budgets: await db.query(budgetByDepartmentQuery(none)),
    };
    await writeFile(join(outDir, SUMMARY_FILE), `${JSON.stringify(summary)}\n`);
  } finally {
    await db.close();
  }
}

/** A one-line progress report for stderr. */
export function formatProgress(p: IngestProgress, dataDir: string): string {
  const mbps = p.seconds > 0 ? p.bytes / 1e6 / p.seconds : 0;
  if (p.phase === 'parquet') return `ingest: writing Parquet (${p.seconds.toFixed(0)} s)`;
  if (p.phase === 'findings') return `ingest: running the rules on native DuckDB (${p.seconds.toFixed(0)} s)`;
  return `ingest: ${p.files}/${p.totalFiles} files, ${(p.bytes / 1e6).toFixed(1)}/${(p.totalBytes / 1e6).toFixed(1)} MB, ${mbps.toFixed(1)} MB/s, ${p.seconds.toFixed(0)} s (${relative(process.cwd(), dataDir) || '.'})`;
}
