import { describe, expect, it } from 'vitest';
import { docIdOf, projectIdOf, toRecords } from '../../src/db';
import { sampleResults } from '../util/duckdb';

describe('toRecords → ids', () => {
  it('gives every project of a document a distinct id when several print the same number', () => {
    const [sample] = sampleResults();
    if (!sample || sample.document.projects.length < 4) throw new Error('samples missing');
    const result = structuredClone(sample);
    // The first three projects all print number 5.
    for (const p of result.document.projects.slice(0, 3)) p.seq = 5;
    const docId = docIdOf(result.document.file);
    const ids = toRecords([result]).projects.map((p) => p.project_id);
    expect(ids.slice(0, 3)).toEqual([
      projectIdOf(docId, 5),
      `${projectIdOf(docId, 5)}~2`,
      `${projectIdOf(docId, 5)}~3`,
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
