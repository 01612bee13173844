/**
 * Year-over-year matching and change detection against the truth the generator wrote: the samples
 * and their generated previous and following years, on the real engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, docIdOf, loadParseResults, projectIdOf } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { BUDGET_MOVE, installYears } from '../../src/years/compare';
import type { YearPairTruth } from '../../src/years/generate';
import { sampleResults } from '../util/duckdb';
import { demoYears, demoYearsDb } from '../util/years';

let db: Db;
let truth: YearPairTruth[];

beforeAll(async () => {
  [db, { truth }] = await Promise.all([demoYearsDb(), demoYears()]);
}, 120_000);

const pid = (file: string, seq: number) => projectIdOf(docIdOf(file), seq);

describe('matching departments across years', () => {
  it('pairs a renamed department by its unit code, and only within its region', async () => {
    const { results } = await demoYears();
    const renamed = results.map((r) =>
      r.document.year === 2025 && r.document.department === '巨鹿县人民政府办公室'
        ? { ...r, document: { ...r.document, department: '巨鹿县政府办公室（更名）' } }
        : r,
    );
    const engine = await openNodeDb();
    await loadParseResults(engine, [...sampleResults(), ...renamed]);
    await installYears(engine, false);
    const pairs = await engine.query<{ department: string; from_year: number; to_year: number }>(
      `SELECT department, from_year, to_year FROM year_doc_pairs WHERE department IN ('巨鹿县人民政府办公室', '巨鹿县政府办公室（更名）') ORDER BY ALL`,
    );
    expect(pairs).toEqual([
      { department: '巨鹿县人民政府办公室', from_year: 2023, to_year: 2024 },
      { department: '巨鹿县政府办公室（更名）', from_year: 2023, to_year: 2025 },
      { department: '巨鹿县政府办公室（更名）', from_year: 2024, to_year: 2025 },
    ]);
    // Departments of other regions share unit codes like 434001 but are never paired.
    const [cross] = await engine.query<{ n: number }>(
      `SELECT count(*) AS n FROM year_doc_pairs p JOIN documents a ON a.doc_id = p.from_doc JOIN documents b ON b.doc_id = p.to_doc
       WHERE a.region_code <> b.region_code`,
    );
    expect(cross?.n).toBe(0);
  });
});

describe('matching projects across years', () => {
  it('matches at least 98% of the projects as the truth does, with precision as high', async () => {
    const expected = new Set(
      truth.flatMap((p) =>
        p.projects
          .filter((x) => x.from !== null && x.to !== null)
          .map((x) => `${pid(p.fromFile, x.from as number)}>${pid(p.toFile, x.to as number)}`),
      ),
    );
    const pairs = new Set(truth.map((p) => `${docIdOf(p.fromFile)}>${docIdOf(p.toFile)}`));
    const found = (
      await db.query<{ from_doc: string; to_doc: string; from_project: string; to_project: string }>(
        'SELECT from_doc, to_doc, from_project, to_project FROM year_project_matches',
      )
    )
      // Only the generated pairs have a truth (the samples are of different departments).
      .filter((m) => pairs.has(`${m.from_doc}>${m.to_doc}`))
      .map((m) => `${m.from_project}>${m.to_project}`);
    const correct = found.filter((m) => expected.has(m)).length;
    const recall = correct / expected.size;
    const precision = correct / found.length;
    process.stdout.write(
      `year matching: ${correct}/${expected.size} truth pairs found, ${found.length} matches made\n`,
    );
    expect(expected.size).toBeGreaterThan(100);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.98);
  });

  it('lists added and dropped projects as new and discontinued', async () => {
    for (const p of truth) {
      const rows = await db.query<{ method: string; from_project: string | null; to_project: string | null }>(
        `SELECT method, from_project, to_project FROM year_project_changes
         WHERE from_doc = '${docIdOf(p.fromFile)}' AND to_doc = '${docIdOf(p.toFile)}' AND method IN ('new', 'discontinued')`,
      );
      const added = p.projects.filter((x) => x.kind === 'added').map((x) => pid(p.toFile, x.to as number));
      const dropped = p.projects.filter((x) => x.kind === 'dropped').map((x) => pid(p.fromFile, x.from as number));
      expect(
        rows
          .filter((r) => r.method === 'new')
          .map((r) => r.to_project)
          .sort(),
        p.toFile,
      ).toEqual(added.sort());
      expect(
        rows
          .filter((r) => r.method === 'discontinued')
          .map((r) => r.from_project)
          .sort(),
        p.fromFile,
      ).toEqual(dropped.sort());
    }
  });
});

/** One indicator change as `fromProject>toProject|level3|change`, comparable between truth and SQL. */
type Key = string;

async function changes(where: string): Promise<Key[]> {
  const rows = await db.query<{ from_project: string; to_project: string; level3: string; change: string }>(
    `SELECT from_project, to_project, level3, change FROM year_indicator_changes WHERE ${where}`,
  );
  return rows.map((r) => `${r.from_project}>${r.to_project}|${r.level3}|${r.change}`).sort();
}

function truthKeys(filter: (p: YearPairTruth, i: YearPairTruth['indicators'][number]) => boolean): Key[] {
  return truth
    .flatMap((p) =>
      p.indicators
        .filter((i) => filter(p, i))
        .map((i) => `${pid(p.fromFile, i.fromSeq)}>${pid(p.toFile, i.toSeq)}|${i.level3}|${i.change}`),
    )
    .sort();
}

function truthPairs(): string {
  return truth.map((p) => `('${docIdOf(p.fromFile)}', '${docIdOf(p.toFile)}')`).join(', ');
}

describe('indicator changes against the truth', () => {
  for (const change of ['raised', 'lowered', 'unchanged', 'added', 'removed'] as const)
    it(`reports every ${change} target and no false one`, async () => {
      const expected = truthKeys((_, i) => i.change === change);
      expect(expected.length).toBeGreaterThan(10);
      const found = await changes(`(from_doc, to_doc) IN (${truthPairs()}) AND change = '${change}'`);
      expect(found).toEqual(expected);
    });

  it('finds targets copied unchanged while the budget moved', async () => {
    const budget = new Map(
      truth.flatMap((p) =>
        p.projects.map((x) => [`${pid(p.fromFile, x.from ?? 0)}>${pid(p.toFile, x.to ?? 0)}`, x] as const),
      ),
    );
    const expected = truthKeys((p, i) => {
      const b = budget.get(`${pid(p.fromFile, i.fromSeq)}>${pid(p.toFile, i.toSeq)}`);
      return (
        i.change === 'unchanged' &&
        b?.budgetFrom != null &&
        b.budgetTo != null &&
        Math.abs(b.budgetTo - b.budgetFrom) / b.budgetFrom >= BUDGET_MOVE
      );
    });
    const rows = await db.query<{ from_project: string; to_project: string; level3: string; change: string }>(
      `SELECT from_project, to_project, level3, change FROM year_targets_copied WHERE (from_doc, to_doc) IN (${truthPairs()})`,
    );
    expect(rows.map((r) => `${r.from_project}>${r.to_project}|${r.level3}|${r.change}`).sort()).toEqual(expected);
  });

  it('answers the auditor: targets made easier while the budget grew, exactly the truth’s', async () => {
    const expected = truthKeys((p, i) => {
      const proj = p.projects.find((x) => x.from === i.fromSeq && x.to === i.toSeq);
      if (proj?.budgetFrom == null || proj.budgetTo == null) return false;
      if (!(proj.budgetTo > proj.budgetFrom * (1 + BUDGET_MOVE))) return false;
      // easier: a minimum (≥ or a plain number) went down, or a maximum (≤, <) went up
      const max = /^[≤<]/.test(i.to ?? '');
      return (i.change === 'lowered' && !max) || (i.change === 'raised' && max);
    });
    expect(expected.length).toBeGreaterThan(0);
    const rows = await db.query<{ from_project: string; to_project: string; level3: string; change: string }>(
      `SELECT from_project, to_project, level3, change FROM year_targets_lowered WHERE (from_doc, to_doc) IN (${truthPairs()})`,
    );
    expect(rows.map((r) => `${r.from_project}>${r.to_project}|${r.level3}|${r.change}`).sort()).toEqual(expected);
  });
});
