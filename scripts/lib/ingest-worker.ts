/**
 * Worker thread of the parallel ingest (scripts/lib/ingest-parallel.ts), bundled by esbuild before it
 * starts: reads and parses one batch of files, flattens the results into records grouped by year and
 * region, and returns each group as Arrow IPC (transferred, not copied); with `stage` set it also
 * writes the group's rows as NDJSON there, for native DuckDB to turn into Parquet.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { decodeText } from '../../src/data/decode';
import { toArrowIPC } from '../../src/db/arrow';
import { toRecords } from '../../src/db/records';
import { TABLES, type TableName } from '../../src/db/schema';
import { type ParseResult, parseDocument } from '../../src/parse';

/** One batch of files. */
export interface IngestJob {
  id: number;
  files: string[];
  /** Parse only (for throughput figures): no records, no Arrow. */
  parseOnly: boolean;
  /** Folder for NDJSON staging (`<stage>/<table>/<id>-<group>.ndjson`), or null. */
  stage: string | null;
}

/** One year/region group of a batch. */
export interface IngestGroup {
  year: number | null;
  region: string | null;
  ipc: Record<TableName, Uint8Array>;
  rows: Record<TableName, number>;
  documents: { file: string; docId: string; projects: number }[];
}

/** A batch done. */
export interface IngestReply {
  id: number;
  bytes: number;
  projects: number;
  indicators: number;
  errors: number;
  groups: IngestGroup[];
}

async function run(job: IngestJob): Promise<{ reply: IngestReply; transfer: ArrayBuffer[] }> {
  const results: ParseResult[] = [];
  let bytes = 0;
  for (const f of job.files) {
    // Synchronous: this thread has nothing else to do meanwhile, and awaiting 9,000 small reads
    // cost several times what reading them did on a loaded machine.
    const raw = readFileSync(f);
    bytes += raw.byteLength;
    results.push(parseDocument(decodeText(raw), basename(f)));
  }
  const reply: IngestReply = { id: job.id, bytes, projects: 0, indicators: 0, errors: 0, groups: [] };
  for (const r of results) {
    reply.projects += r.document.projects.length;
    for (const p of r.document.projects) reply.indicators += p.indicators.length;
    for (const d of r.diagnostics) if (d.severity === 'error') reply.errors++;
  }
  const transfer = new Set<ArrayBuffer>();
  if (job.parseOnly) return { reply, transfer: [] };
  const groups = new Map<string, ParseResult[]>();
  for (const r of results) {
    const key = `${r.document.year}\u0000${r.document.region}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  let g = 0;
  for (const list of groups.values()) {
    const records = toRecords(list);
    const ipc = toArrowIPC(records);
    const rows = {} as Record<TableName, number>;
    for (const t of TABLES) {
      rows[t.name] = records[t.name].length;
      transfer.add(ipc[t.name].buffer as ArrayBuffer);
      if (job.stage && records[t.name].length) {
        const dir = join(job.stage, t.name);
        await mkdir(dir, { recursive: true });
        await writeFile(
          join(dir, `${job.id}-${g}.ndjson`),
          `${records[t.name].map((row) => JSON.stringify(row)).join('\n')}\n`,
        );
      }
    }
    const first = list[0]?.document;
    reply.groups.push({
      year: first?.year ?? null,
      region: first?.region ?? null,
      ipc,
      rows,
      documents: records.documents.map((d) => ({
        file: d.file as string,
        docId: d.doc_id as string,
        projects: d.project_count as number,
      })),
    });
    g++;
  }
  return { reply, transfer: [...transfer] };
}

parentPort?.on('message', (job: IngestJob) => {
  run(job).then(
    ({ reply, transfer }) => parentPort?.postMessage({ ok: true, reply }, transfer),
    (err: unknown) => parentPort?.postMessage({ ok: false, id: job.id, error: String((err as Error)?.stack ?? err) }),
  );
});
