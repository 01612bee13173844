/**
 * The year-over-year generator: deterministic, every generated year parses back to what was
 * generated (in every year layout), and the truth agrees with the documents and the intended rates.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeYears } from '../../scripts/lib/years';
import { isProjectCode, parseDocument, parseValue, type TargetDocument, yearOfCode } from '../../src/parse';
import { renderDocument } from '../../src/render';
import {
  type GeneratedYears,
  generateYears,
  projectView,
  roundTripProblems,
  YEAR_LAYOUTS,
  type YearPairTruth,
  yearFileName,
} from '../../src/years/generate';

const DATA = new URL('../../data/', import.meta.url);
const SAMPLES: TargetDocument[] = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => parseDocument(readFileSync(new URL(name, DATA), 'utf8'), name).document);

const SEEDS = [1, 2, 3];
const generated = new Map<string, GeneratedYears>();
function years(base: TargetDocument, seed: number): GeneratedYears {
  const key = `${base.file}@${seed}`;
  let g = generated.get(key);
  if (!g) {
    g = generateYears(base, seed, { others: SAMPLES });
    generated.set(key, g);
  }
  return g;
}

/** The documents of a pair, by the file names the truth gives. */
function docsOf(g: GeneratedYears, base: TargetDocument, t: YearPairTruth): [TargetDocument, TargetDocument] {
  const byFile = new Map([g.previous, base, g.following].map((d) => [d.file, d]));
  return [byFile.get(t.fromFile) as TargetDocument, byFile.get(t.toFile) as TargetDocument];
}

const noYears = (s: string) => s.replace(/20\d{2}/g, '');

describe('generateYears', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    for (const base of SAMPLES) {
      const a = generateYears(base, 42, { others: SAMPLES });
      const b = generateYears(base, 42, { others: SAMPLES });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      const c = generateYears(base, 43, { others: SAMPLES });
      expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    }
  });

  it('keeps department and region, moves the year, names files as make-years writes them', () => {
    for (const base of SAMPLES) {
      const g = years(base, 1);
      const y = base.year as number;
      expect([g.previous.year, g.following.year]).toEqual([y - 1, y + 1]);
      for (const d of [g.previous, g.following]) {
        expect(d.department).toBe(base.department);
        expect(d.region).toBe(base.region);
        expect(d.regionCode).toBe(base.regionCode);
        expect(d.file).toBe(yearFileName(base.department as string, d.year as number, d.layout as never));
        expect(d.file).toMatch(/^demo-[^\\/:*?"<>|\s]+-\d{4}\.(txt|md|html)$/);
      }
      expect(g.truth.map((t) => [t.fromFile, t.toFile])).toEqual([
        [g.previous.file, base.file],
        [base.file, g.following.file],
      ]);
      expect(g.truth.map((t) => [t.fromYear, t.toYear])).toEqual([
        [y - 1, y],
        [y, y + 1],
      ]);
    }
  });

  it('keeps project codes valid and unique, numbers tables 1..n', () => {
    for (const seed of SEEDS)
      for (const base of SAMPLES) {
        const g = years(base, seed);
        for (const d of [g.previous, g.following]) {
          expect(d.projects.map((p) => p.seq)).toEqual(d.projects.map((_, i) => i + 1));
          const codes = d.projects.map((p) => p.code as string);
          for (const c of codes) expect(isProjectCode(c), c).toBe(true);
          expect(new Set(codes).size).toBe(codes.length);
          for (const c of codes) expect(c.slice(0, 6)).toBe(base.regionCode);
        }
      }
  });
});

describe('every generated year parses back to the generated document', () => {
  for (const base of SAMPLES)
    for (const seed of [1, 2024])
      it(`${base.file}, seed ${seed}, in every year layout`, () => {
        const g = years(base, seed);
        for (const doc of [g.previous, g.following])
          for (const layout of YEAR_LAYOUTS) {
            const text = renderDocument(doc, layout);
            expect(roundTripProblems(doc, text), `${doc.file} as ${layout}`).toEqual([]);
            const back = parseDocument(text, doc.file).document;
            if (layout === doc.layout) expect(back.layout).toBe(layout);
            expect(back.year).toBe(doc.year);
            expect(back.department).toBe(doc.department);
            expect(back.projects.map(projectView)).toEqual(doc.projects.map(projectView));
          }
      });
});

describe('the truth agrees with the documents', () => {
  for (const base of SAMPLES)
    it(base.file, () => {
      for (const seed of SEEDS) {
        const g = years(base, seed);
        for (const t of g.truth) {
          const [from, to] = docsOf(g, base, t);
          expect(t.department).toBe(base.department);
          // every table of both years appears exactly once
          expect(
            t.projects
              .map((p) => p.from)
              .filter((s) => s !== null)
              .sort((a, b) => a - b),
          ).toEqual(from.projects.map((p) => p.seq));
          expect(
            t.projects
              .map((p) => p.to)
              .filter((s) => s !== null)
              .sort((a, b) => a - b),
          ).toEqual(to.projects.map((p) => p.seq));
          for (const pc of t.projects) {
            const a = pc.from === null ? null : from.projects[pc.from - 1];
            const b = pc.to === null ? null : to.projects[pc.to - 1];
            expect(pc.budgetFrom).toBe(a ? a.budget.total : null);
            expect(pc.budgetTo).toBe(b ? b.budget.total : null);
            if (pc.kind === 'dropped') expect(b).toBeNull();
            if (pc.kind === 'added') {
              expect(a).toBeNull();
              expect(b?.indicators.length).toBeGreaterThanOrEqual(7);
              expect(b?.indicators.length).toBeLessThanOrEqual(10);
              expect(yearOfCode(b?.code ?? null)).toBe(t.toYear);
            }
            if (pc.kind === 'dropped' && a && !base.projects.includes(a)) expect(yearOfCode(a.code)).toBe(t.fromYear);
            if (!a || !b) continue;
            if (pc.kind === 'same-code') expect([b.code, b.name]).toEqual([a.code, a.name]);
            if (pc.kind === 'renamed') {
              expect(b.code).toBe(a.code);
              expect(b.name).not.toBe(a.name);
            }
            if (pc.kind === 'reissued-code') {
              expect(b.code).not.toBe(a.code);
              expect(b.code?.slice(0, 6)).toBe(a.code?.slice(0, 6));
              expect(yearOfCode(b.code)).toBe(t.toYear);
            }
            if (a.budget.total !== null && b.budget.total !== null) {
              const ratio = b.budget.total / a.budget.total;
              expect(ratio).toBeGreaterThanOrEqual(0.695);
              expect(ratio).toBeLessThanOrEqual(1.405);
              if (b.budget.other === null) expect(b.budget.fiscal).toBe(b.budget.total);
            }
            if (a.schedule.kind === 'percent') expect(b.schedule.raw).toEqual(a.schedule.raw);
            expect(b.schedule.kind).toBe(a.schedule.kind);
            // the rows listed are exactly the rows of both tables, each with its printed value
            const rows = t.indicators.filter((r) => r.fromSeq === a.seq && r.toSeq === b.seq);
            const at = (list: typeof a.indicators, level3: string, k: number) =>
              list.filter((r) => r.level3 === level3)[k];
            expect(rows.filter((r) => r.from !== null)).toHaveLength(a.indicators.length);
            expect(rows.filter((r) => r.to !== null)).toHaveLength(b.indicators.length);
            for (const r of rows) {
              if (r.from !== null) expect(at(a.indicators, r.level3, r.occurrence)?.value.raw).toBe(r.from);
              if (r.to !== null) expect(at(b.indicators, r.level3, r.occurrence)?.value.raw).toBe(r.to);
              expect(r.change === 'added').toBe(r.from === null);
              expect(r.change === 'removed').toBe(r.to === null);
              if (r.change === 'unchanged') expect(noYears(r.to as string)).toBe(noYears(r.from as string));
              if (r.change === 'raised' || r.change === 'lowered') {
                const x = parseValue(r.from as string);
                const y = parseValue(r.to as string);
                expect([y.op, y.unit, y.kind]).toEqual([x.op, x.unit, x.kind]);
                if (r.change === 'raised') expect(y.number).toBeGreaterThan(x.number as number);
                else expect(y.number).toBeLessThan(x.number as number);
                if (y.unit === '%') expect(y.number).toBeLessThanOrEqual(100);
                expect(y.number).toBeGreaterThan(0);
              }
            }
          }
          // indicator rows are listed for matched pairs only
          const matched = new Set(t.projects.filter((p) => p.from !== null && p.to !== null).map((p) => p.from));
          for (const r of t.indicators) expect(matched.has(r.fromSeq)).toBe(true);
        }
      }
    });

  it('updates year strings: names, dates and titles move with the year', () => {
    let names = 0;
    let dates = 0;
    for (const seed of SEEDS)
      for (const base of SAMPLES) {
        const g = years(base, seed);
        for (const t of g.truth) {
          const [from, to] = docsOf(g, base, t);
          for (const pc of t.projects) {
            if (pc.from === null || pc.to === null) continue;
            const a = from.projects[pc.from - 1];
            const b = to.projects[pc.to - 1];
            if (a?.name.includes(`${t.fromYear}年`)) {
              expect(b?.name).toContain(`${t.toYear}年`);
              expect(pc.kind).not.toBe('same-code');
              names++;
            }
          }
          for (const r of t.indicators)
            if (r.change === 'unchanged' && r.from?.replace(/\s/g, '').includes(`${t.fromYear}年`)) {
              expect(r.to?.replace(/\s/g, '')).toContain(`${t.toYear}年`);
              dates++;
            }
        }
        const y = base.year as number;
        const text = (d: TargetDocument) => renderDocument(d, 'markdown');
        expect(text(g.following)).toContain(`${y + 1} 年部门预算绩效文本`);
        expect(text(g.previous)).toContain(`${y - 1} 年部门预算绩效文本`);
        expect(text(g.following)).not.toMatch(new RegExp(`${y - 1}\\s*年`));
      }
    expect(names).toBeGreaterThan(0);
    expect(dates).toBeGreaterThan(0);
  });

  it('changes projects, budgets and targets at about the intended rates', () => {
    const n = { from: 0, dropped: 0, added: 0, renamed: 0, reissued: 0, matched: 0, sameBudget: 0 };
    const rows = { numeric: 0, raised: 0, lowered: 0, from: 0, removed: 0, added: 0 };
    for (const seed of SEEDS)
      for (const base of SAMPLES) {
        const g = years(base, seed);
        for (const t of g.truth) {
          const [from] = docsOf(g, base, t);
          n.from += from.projects.length;
          for (const p of t.projects) {
            if (p.kind === 'dropped') n.dropped++;
            else if (p.kind === 'added') n.added++;
            else {
              n.matched++;
              if (p.kind === 'renamed') n.renamed++;
              if (p.kind === 'reissued-code') n.reissued++;
              if (p.budgetFrom === p.budgetTo) n.sameBudget++;
            }
          }
          for (const r of t.indicators) {
            if (r.from !== null) rows.from++;
            if (r.change === 'removed') rows.removed++;
            if (r.change === 'added') rows.added++;
            if (r.from !== null && r.to !== null && parseValue(r.from).number !== null) rows.numeric++;
            if (r.change === 'raised') rows.raised++;
            if (r.change === 'lowered') rows.lowered++;
          }
        }
      }
    const rate = (k: number, of: number) => k / of;
    expect(rate(n.dropped, n.from)).toBeGreaterThan(0.05);
    expect(rate(n.dropped, n.from)).toBeLessThan(0.16);
    expect(rate(n.added, n.from)).toBeGreaterThan(0.05);
    expect(rate(n.added, n.from)).toBeLessThan(0.16);
    expect(rate(n.renamed, n.from)).toBeGreaterThan(0.06);
    expect(rate(n.renamed, n.from)).toBeLessThan(0.2);
    expect(rate(n.reissued, n.from)).toBeGreaterThan(0.1);
    expect(rate(n.reissued, n.from)).toBeLessThan(0.22);
    expect(rate(n.sameBudget, n.matched)).toBeGreaterThan(0.12);
    expect(rate(n.sameBudget, n.matched)).toBeLessThan(0.3);
    expect(rate(rows.raised, rows.numeric)).toBeGreaterThan(0.09);
    expect(rate(rows.raised, rows.numeric)).toBeLessThan(0.2);
    expect(rate(rows.lowered, rows.numeric)).toBeGreaterThan(0.09);
    expect(rate(rows.lowered, rows.numeric)).toBeLessThan(0.2);
    expect(rate(rows.removed, rows.from)).toBeGreaterThan(0.02);
    expect(rate(rows.removed, rows.from)).toBeLessThan(0.08);
    expect(rate(rows.added, rows.from)).toBeGreaterThan(0.02);
    expect(rate(rows.added, rows.from)).toBeLessThan(0.08);
  });

  it('renames and re-codes the same project at most once per department', () => {
    for (const seed of SEEDS)
      for (const base of SAMPLES) {
        const g = years(base, seed);
        let both = 0;
        for (const t of g.truth) {
          const [from, to] = docsOf(g, base, t);
          for (const p of t.projects)
            if (p.kind === 'reissued-code' && p.from !== null && p.to !== null)
              if (from.projects[p.from - 1]?.name !== to.projects[p.to - 1]?.name) both++;
        }
        expect(both).toBeLessThanOrEqual(1);
      }
  });
});

describe('writeYears (npm run years)', () => {
  const out = mkdtempSync(join(tmpdir(), 'years-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the previous and following years, truth.json and manifest.json', async () => {
    const { manifest, truth } = await writeYears(new URL(DATA).pathname, out);
    const written = readdirSync(out).sort();
    expect(written).toEqual([...manifest.files.map((f) => f.file), 'manifest.json', 'truth.json'].sort());
    expect(manifest.files).toHaveLength(SAMPLES.length * 2);
    for (const s of SAMPLES) expect(written).not.toContain(s.file);
    expect(JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8'))).toEqual(truth);
    expect(truth).toHaveLength(SAMPLES.length * 2);
    for (const t of truth) {
      const sample = SAMPLES.find((s) => s.department === t.department) as TargetDocument;
      expect([t.fromFile, t.toFile]).toContain(sample.file);
      for (const f of [t.fromFile, t.toFile]) if (f !== sample.file) expect(written).toContain(f);
    }
    for (const f of manifest.files) {
      const back = parseDocument(readFileSync(join(out, f.file), 'utf8'), f.file).document;
      expect(back.year).toBe(f.year);
      expect(back.department).toBe(f.department);
      expect(back.layout).toBe(f.layout);
      expect(back.projects).toHaveLength(f.projects);
    }
    // at most two projects over all departments are renamed and re-coded in the same year
    const byFile = new Map<string, TargetDocument>(SAMPLES.map((s) => [s.file, s]));
    for (const f of manifest.files)
      byFile.set(f.file, parseDocument(readFileSync(join(out, f.file), 'utf8'), f.file).document);
    let both = 0;
    for (const t of truth)
      for (const p of t.projects)
        if (p.kind === 'reissued-code' && p.from !== null && p.to !== null) {
          const a = byFile.get(t.fromFile)?.projects[p.from - 1];
          const b = byFile.get(t.toFile)?.projects[p.to - 1];
          if (a?.name !== b?.name) both++;
        }
    expect(both).toBeLessThanOrEqual(2);
    // a second run gives the same files
    const again = await writeYears(new URL(DATA).pathname, out);
    expect(again.truth).toEqual(truth);
  });
});
