/**
 * The scale path at small size (2 counties × 3 departments × 3 years): the synthetic corpus is
 * deterministic and parses back to what was generated; the parallel ingest writes Arrow IPC (whole and
 * per year/region) and Parquet partitioned by year and region that native DuckDB reads back with the
 * same row counts; and the app's rule SQL on native DuckDB over the Parquet finds what it finds on
 * DuckDB-WASM over the same documents.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CorpusOptions, corpusDocuments, countyOf, writeCorpus } from '../../scripts/lib/corpus';
import {
  ingestParallel,
  PARTITIONS_DIR,
  PARTITIONS_MANIFEST,
  type ParallelIngestResult,
  type PartitionEntry,
} from '../../scripts/lib/ingest-parallel';
import { createParquetViews, openNativeDb } from '../../scripts/lib/native-db';
import { readSamples } from '../../scripts/lib/years';
import { type DatasetManifest, loadDataset, TABLES, type TableName } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { parseDocument, type TargetDocument } from '../../src/parse';
import { RENDER_LAYOUTS } from '../../src/render';
import { installRules, RULES, rulesFingerprint } from '../../src/rules';

const DATA = join(import.meta.dirname, '..', '..', 'data');
const SMALL: CorpusOptions = { counties: 2, departments: 3, years: [2023, 2024, 2025], seed: 5 };
const tmp = mkdtempSync(join(tmpdir(), 'target-lens-scale-test-'));
let samples: TargetDocument[];

beforeAll(async () => {
  samples = await readSamples(DATA);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('corpus', () => {
  it('corpusDocuments is deterministic for a seed and changes with it', () => {
    const texts = (o: CorpusOptions) => [...corpusDocuments(samples, o)].map((d) => `${d.dir}/${d.file}\n${d.text}`);
    const a = texts(SMALL);
    expect(texts(SMALL)).toEqual(a);
    expect(texts({ ...SMALL, seed: 6 })).not.toEqual(a);
    expect(a).toHaveLength(2 * 3 * 3);
  });

  it('documents are labelled synthetic, rotate over every layout and have synthetic regions', () => {
    const docs = [...corpusDocuments(samples, SMALL)];
    expect(docs.every((d) => d.file.startsWith('synthetic-'))).toBe(true);
    expect(new Set(docs.map((d) => d.layout))).toEqual(new Set(RENDER_LAYOUTS));
    expect(new Set(docs.map((d) => d.regionCode))).toEqual(new Set(['990001', '990002']));
    expect(docs.map((d) => d.dir)).toContain(`2024/${countyOf(1).regionCode}`);
    expect(new Set(Array.from({ length: 400 }, (_, i) => countyOf(i).region)).size).toBe(400);
  });

  it('documents parse back with their year, department, region and project/indicator counts', () => {
    const wrongRows: string[] = [];
    for (const d of corpusDocuments(samples, SMALL)) {
      const { document, diagnostics } = parseDocument(d.text, d.file);
      expect(document.layout, d.file).toBe(d.layout);
      expect([document.year, document.department, document.region, document.regionCode], d.file).toEqual([
        d.year,
        d.department,
        d.region,
        d.regionCode,
      ]);
      expect(document.projects, d.file).toHaveLength(d.projects);
      expect(
        diagnostics.filter((x) => x.severity === 'error'),
        d.file,
      ).toEqual([]);
      const rows = document.projects.reduce((s, p) => s + p.indicators.length, 0);
      if (rows !== d.indicators) wrongRows.push(`${d.file}: ${rows} of ${d.indicators}`);
    }
    expect(wrongRows).toEqual([]);
  });
});

describe('parallel ingest, Arrow and Parquet', () => {
  const corpusDir = join(tmp, 'corpus');
  const arrowDir = join(tmp, 'arrow');
  const parquetDir = join(tmp, 'parquet');
  let result: ParallelIngestResult;

  beforeAll(async () => {
    const manifest = await writeCorpus(samples, SMALL, corpusDir);
    expect(manifest.documents).toBe(18);
    result = await ingestParallel(corpusDir, {
      workers: 2,
      outDir: arrowDir,
      arrowPartitions: true,
      parquetDir,
      findings: true,
    });
  }, 120_000);

  it('writes one Arrow dataset with every document, and per year/region files that add up to it', async () => {
    expect(result.documents).toBe(18);
    expect(result.errors).toBe(0);
    const manifest = JSON.parse(readFileSync(join(arrowDir, 'manifest.json'), 'utf8')) as DatasetManifest;
    expect(manifest.documents).toHaveLength(18);
    const parts = JSON.parse(readFileSync(join(arrowDir, PARTITIONS_DIR, PARTITIONS_MANIFEST), 'utf8')) as {
      partitions: PartitionEntry[];
    };
    expect(parts.partitions).toHaveLength(2 * 3);
    for (const t of manifest.tables) {
      expect(t.rows).toBe(result.rows[t.name]);
      const sum = parts.partitions.reduce((s, p) => s + (p.tables.find((x) => x.name === t.name)?.rows ?? 0), 0);
      expect(sum, t.name).toBe(t.rows);
    }
    const db = await openNodeDb();
    const ipc = {} as Record<TableName, Uint8Array>;
    for (const t of TABLES) ipc[t.name] = new Uint8Array(await readFile(join(arrowDir, `${t.name}.arrow`)));
    await loadDataset(db, ipc);
    for (const t of TABLES) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`);
      expect(row?.n, t.name).toBe(result.rows[t.name]);
    }
    await db.close();
  });

  it('native DuckDB reads the partitioned Parquet back with the row counts of the Arrow path', async () => {
    const db = await openNativeDb();
    await createParquetViews(db, parquetDir);
    for (const t of TABLES) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`);
      expect(row?.n, t.name).toBe(result.rows[t.name]);
    }
    const regions = await db.query<{ year: number; region: string; n: number }>(
      'SELECT year, region, count(*) AS n FROM documents GROUP BY ALL ORDER BY ALL',
    );
    expect(regions).toHaveLength(6);
    expect(regions).toContainEqual({ year: 2023, region: countyOf(0).region, n: 3 });
    await db.close();
  });

  it('the rule SQL on native DuckDB over Parquet finds what it finds on DuckDB-WASM over the documents', async () => {
    const wasm = await openNodeDb();
    const ipc = {} as Record<TableName, Uint8Array>;
    for (const t of TABLES) ipc[t.name] = new Uint8Array(await readFile(join(arrowDir, `${t.name}.arrow`)));
    await loadDataset(wasm, ipc);
    await installRules(wasm);
    const byRule = 'SELECT rule_id, count(*) AS n FROM findings GROUP BY rule_id ORDER BY rule_id';
    const wasmCounts = await wasm.query(byRule);
    await wasm.close();

    const native = await openNativeDb();
    await createParquetViews(native, parquetDir);
    await installRules(native);
    const nativeCounts = await native.query(byRule);
    await native.close();
    expect(wasmCounts.length).toBeGreaterThan(5);
    expect(nativeCounts).toEqual(wasmCounts);
  }, 60_000);

  it('findings written at ingest give the app the findings its rules make in DuckDB-WASM, row for row', async () => {
    const manifest = JSON.parse(readFileSync(join(arrowDir, 'manifest.json'), 'utf8')) as DatasetManifest;
    const shipped = manifest.findings;
    expect(shipped?.rules).toBe(rulesFingerprint());
    expect(shipped?.rows).toBe(result.findings);
    const parts = JSON.parse(readFileSync(join(arrowDir, PARTITIONS_DIR, PARTITIONS_MANIFEST), 'utf8')) as {
      partitions: PartitionEntry[];
    };
    expect(parts.partitions.reduce((n, p) => n + (p.findings?.rows ?? 0), 0)).toBe(shipped?.rows);

    const ipc = {} as Record<TableName, Uint8Array>;
    for (const t of TABLES) ipc[t.name] = new Uint8Array(await readFile(join(arrowDir, `${t.name}.arrow`)));
    const all = 'SELECT * FROM findings ORDER BY ALL';
    const computed = await openNodeDb();
    await loadDataset(computed, Object.fromEntries(Object.entries(ipc).map(([k, v]) => [k, v.slice()])));
    await installRules(computed);
    const expected = await computed.query(all);
    await computed.close();

    const loaded = await openNodeDb();
    await loadDataset(loaded, ipc);
    await loaded.insertArrowIPC('shipped', new Uint8Array(await readFile(join(arrowDir, shipped?.file ?? ''))));
    await installRules(loaded, RULES, { precomputed: 'shipped' });
    const fromFile = await loaded.query(all);
    const scores = await loaded.query('SELECT count(*) AS n, sum(score) AS s FROM department_scores');
    await loaded.close();
    expect(expected.length).toBe(result.findings);
    expect(fromFile).toEqual(expected);
    expect(scores[0]?.n).toBe(18);
  }, 60_000);
});

describe('rulesFingerprint', () => {
  it('changes when a rule changes, so findings made by other rules are not used', () => {
    const [first, ...rest] = RULES;
    if (!first) throw new Error('no rules');
    expect(rulesFingerprint()).toBe(rulesFingerprint(RULES));
    expect(rulesFingerprint([{ ...first, sql: `${first.sql} ` }, ...rest])).not.toBe(rulesFingerprint());
    expect(rulesFingerprint([{ ...first, severity: first.severity === 'high' ? 'info' : 'high' }, ...rest])).not.toBe(
      rulesFingerprint(),
    );
  });
});
