import { describe, expect, it } from 'vitest';
import {
  createViews,
  docIdOf,
  loadParseResults,
  projectIdOf,
  QueryError,
  replaceDocuments,
  TABLES,
  toRecords,
  VIEWS,
} from '../../src/db';
import { freshDb, getSampleDb, sampleResults } from '../util/duckdb';

describe('loading the samples into DuckDB', () => {
  it('has 67 projects, one row per document, and every table of the schema with its columns', async () => {
    const db = await getSampleDb();
    expect(await db.query('SELECT count(*) AS n FROM projects')).toEqual([{ n: 67 }]);
    expect(await db.query('SELECT count(*) AS n FROM documents')).toEqual([{ n: 5 }]);
    for (const t of TABLES) {
      const cols = await db.query<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${t.name}' ORDER BY ordinal_position`,
      );
      expect(cols.map((c) => [c.column_name, c.data_type])).toEqual(t.columns.map((c) => [c.name, c.type]));
    }
  });

  it('per-document budget sums and project counts equal the parsed ones', async () => {
    const db = await getSampleDb();
    const rows = await db.query<{ doc_id: string; budget: number; projects: number }>(
      'SELECT doc_id, sum(budget_wan) AS budget, count(*) AS projects FROM projects GROUP BY doc_id ORDER BY doc_id',
    );
    const expected = sampleResults().map((r) => ({
      doc_id: docIdOf(r.document.file),
      budget: r.document.projects.reduce((n, p) => n + (p.budget.total ?? 0), 0),
      projects: r.document.projects.length,
    }));
    expect(rows.map((r) => r.doc_id)).toEqual(expected.map((e) => e.doc_id));
    rows.forEach((r, i) => {
      expect(r.projects).toBe(expected[i]?.projects);
      expect(r.budget).toBeCloseTo(expected[i]?.budget ?? Number.NaN, 6);
    });
  });

  it('every indicator row of the parse is in indicators, with its value as parsed', async () => {
    const db = await getSampleDb();
    const rows = await db.query<{
      indicator_id: string;
      level2: string;
      value_raw: string;
      comparator: string | null;
      value_num: number | null;
      value_kind: string;
    }>('SELECT indicator_id, level2, value_raw, comparator, value_num, value_kind FROM indicators');
    const byId = new Map(rows.map((r) => [r.indicator_id, r]));
    let n = 0;
    for (const { document } of sampleResults())
      for (const p of document.projects)
        p.indicators.forEach((ind, row) => {
          n++;
          const id = `${projectIdOf(docIdOf(document.file), p.seq)}#${row}`;
          expect(byId.get(id)).toEqual({
            indicator_id: id,
            level2: ind.level2,
            value_raw: ind.value.raw,
            comparator: ind.value.op,
            value_num: ind.value.number,
            value_kind: ind.value.kind,
          });
        });
    expect(rows).toHaveLength(n);
  });

  it('the schedule has four months per project; amounts and shares agree with the budget', async () => {
    const db = await getSampleDb();
    expect(await db.query('SELECT count(*) AS n, count(DISTINCT project_id) AS p FROM schedule')).toEqual([
      { n: 67 * 4, p: 67 },
    ]);
    const p1 = await db.query(
      "SELECT month, printed, share_pct, amount_wan FROM schedule WHERE project_id = '001_a1f1e70e06024129#1' ORDER BY month",
    );
    expect(p1).toEqual([
      { month: 3, printed: '1.50', share_pct: 25, amount_wan: 1.5 },
      { month: 6, printed: '3.00', share_pct: 50, amount_wan: 3 },
      { month: 10, printed: '4.50', share_pct: 75, amount_wan: 4.5 },
      { month: 12, printed: '6.00', share_pct: 100, amount_wan: 6 },
    ]);
    const p18 = await db.query(
      "SELECT month, printed, share_pct FROM schedule WHERE project_id = '000_f89d2670d01150aa#18' ORDER BY month",
    );
    expect(p18).toEqual([
      { month: 3, printed: null, share_pct: null },
      { month: 6, printed: '70%', share_pct: 70 },
      { month: 10, printed: '90%', share_pct: 90 },
      { month: 12, printed: '100%', share_pct: 100 },
    ]);
  });

  it('year and region are on every row analysts filter', async () => {
    const db = await getSampleDb();
    for (const t of ['projects', 'schedule', 'indicators', 'objectives', 'diagnostics']) {
      const [row] = await db.query<{ missing: number }>(
        `SELECT count(*) FILTER (WHERE year IS NULL OR region IS NULL) AS missing FROM ${t}`,
      );
      expect(row?.missing, t).toBe(0);
    }
  });

  it('diagnostics point at their project', async () => {
    const db = await getSampleDb();
    const rows = await db.query("SELECT project_id, code FROM diagnostics WHERE code = 'VALUE_RUN_ON'");
    expect(rows).toEqual([{ project_id: '003_1dc3a85c290a1481#9', code: 'VALUE_RUN_ON' }]);
  });
});

describe('views', () => {
  for (const v of VIEWS) {
    it(`${v.name} returns rows on the samples`, async () => {
      const db = await getSampleDb();
      expect((await db.query(`SELECT count(*) AS n FROM ${v.name}`))[0]?.n).toBeGreaterThan(0);
    });
  }

  it('department_summary equals the documents table', async () => {
    const db = await getSampleDb();
    const rows = await db.query('SELECT department, projects, budget_wan FROM department_summary ORDER BY department');
    expect(rows).toEqual([
      { department: '乐亭县机关事务中心', projects: 4, budget_wan: 430 },
      { department: '巨鹿县人民政府办公室', projects: 19, budget_wan: 546.22 },
      { department: '巨鹿县官亭镇人民政府', projects: 23, budget_wan: 629.9 },
      { department: '巨鹿县行政审批局', projects: 6, budget_wan: 60 },
      { department: '遵化市人民政府办公室', projects: 15, budget_wan: 2064.5 },
    ]);
  });

  it('indicator_mix shares add up to 100 per department', async () => {
    const db = await getSampleDb();
    const rows = await db.query<{ total: number }>(
      'SELECT round(sum(share_pct), 0) AS total FROM indicator_mix GROUP BY doc_id',
    );
    expect(rows.map((r) => r.total)).toEqual([100, 100, 100, 100, 100]);
  });

  it('schedule_by_month weights shares by budget', async () => {
    const db = await getSampleDb();
    const [row] = await db.query<{ weighted_share_pct: number }>(
      "SELECT weighted_share_pct FROM schedule_by_month WHERE doc_id = '000_f89d2670d01150aa' AND month = 10",
    );
    const projects = sampleResults()[0]?.document.projects ?? [];
    let num = 0;
    let den = 0;
    for (const p of projects) {
      const share = p.schedule.percent[2];
      if (share !== null && share !== undefined && p.budget.total !== null) {
        num += share * p.budget.total;
        den += p.budget.total;
      }
    }
    expect(row?.weighted_share_pct).toBeCloseTo(num / den, 2);
  });
});

describe('run-time loading', () => {
  it('replaceDocuments adds a document parsed at run time and replaces it on re-import', async () => {
    const db = await freshDb();
    const [first, second] = sampleResults();
    if (!first || !second) throw new Error('samples missing');
    await loadParseResults(db, [first]);
    await replaceDocuments(db, [second]);
    expect(await db.query('SELECT count(*) AS n FROM projects')).toEqual([
      { n: first.document.projects.length + second.document.projects.length },
    ]);
    await replaceDocuments(db, [second]);
    expect(await db.query('SELECT count(*) AS n FROM documents')).toEqual([{ n: 2 }]);
    expect(await db.query('SELECT count(*) AS n FROM indicators')).toEqual([
      { n: toRecords([first]).indicators.length + toRecords([second]).indicators.length },
    ]);
    await createViews(db);
    expect((await db.query('SELECT count(*) AS n FROM department_summary'))[0]?.n).toBe(2);
    await db.close();
  });

  it('a query error rejects with a QueryError carrying the message and the SQL', async () => {
    const db = await getSampleDb();
    const sql = 'SELECT no_such_column FROM projects';
    const err = await db.query(sql).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).sql).toBe(sql);
    expect((err as QueryError).message).toMatch(/no_such_column/);
  });
});
