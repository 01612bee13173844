import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFolder, writeDataset } from '../../scripts/lib/dataset';
import { type DatasetManifest, loadDataset, TABLES, type TableName } from '../../src/db';
import { DATA_DIR, freshDb, getSampleDb } from '../util/duckdb';

describe('npm run ingest', () => {
  it('writes one Arrow IPC file per table and a manifest; loading them gives the same tables as loading at run time', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tl-ingest-'));
    const manifest = await writeDataset(await parseFolder(DATA_DIR), out);
    const onDisk = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as DatasetManifest;
    expect(onDisk).toEqual(manifest);
    expect(manifest.documents.map((d) => d.projects)).toEqual([19, 6, 23, 15, 4]);
    expect(manifest.tables.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));

    const tables: Partial<Record<TableName, Uint8Array>> = {};
    for (const t of manifest.tables) tables[t.name] = new Uint8Array(readFileSync(join(out, t.file)));
    const fromFiles = await freshDb();
    await loadDataset(fromFiles, tables);
    const runtime = await getSampleDb();
    for (const t of manifest.tables) {
      const order = TABLES.find((s) => s.name === t.name)
        ?.columns.map((c) => `"${c.name}"`)
        .join(', ');
      const a = await fromFiles.query(`SELECT * FROM ${t.name} ORDER BY ${order}`);
      const b = await runtime.query(`SELECT * FROM ${t.name} ORDER BY ${order}`);
      expect(a, t.name).toEqual(b);
      expect(a).toHaveLength(t.rows);
    }
    await fromFiles.close();
  }, 60_000);
});
