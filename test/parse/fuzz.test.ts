/**
 * The parser under attack: every sample document, and its rendering in each layout family, mutated
 * thousands of times (test/util/mutate.ts). For each mutant the parser must return (never throw, and
 * never fall back to its PARSER_FAILURE catch-all, which would hide a crash), return a well-formed
 * document, finish in time for its size, and report what it lost. Inputs that stress size (a 50 MB
 * file, a table of 1,000 rows, headers repeated thousands of times) and a size series checking that
 * time grows linearly follow. The counts per mutation kind are printed and written to
 * test-results/fuzz-summary.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { type Indicator, type ParseResult, type Project, parseDocument, type TargetDocument } from '../../src/parse';
import { RENDER_LAYOUTS, renderDocument } from '../../src/render';
import { MUTATION_KINDS, type Mutant, type MutationKind, mutate } from '../util/mutate';

const DATA = new URL('../../data/', import.meta.url);
const SAMPLES = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, DATA), 'utf8') }));

interface Seed {
  name: string;
  text: string;
  result: ParseResult;
}

function seedOf(name: string, text: string): Seed {
  return { name, text, result: parseDocument(text, name) };
}

/** The samples as printed and as rendered in every layout, so that every layout's reader is attacked. */
const SEEDS: Seed[] = SAMPLES.flatMap(({ name, text }) => {
  const original = seedOf(name, text);
  return [
    original,
    ...RENDER_LAYOUTS.map((layout) => seedOf(`${name}.${layout}`, renderDocument(original.result.document, layout))),
  ];
});

/** Mutants per seed and kind: 35 seeds × 16 kinds × 19 = 10,640 inputs. */
const PER_KIND = 19;
const MIN_INPUTS = 10_000;

/** Generous time for one parse: samples take 1-3 ms for 50 KB; ten times the rate, plus room for a GC pause. */
function timeBound(chars: number): number {
  return 250 + chars * 0.001;
}

const isFiniteOrNull = (n: unknown) => n === null || (typeof n === 'number' && Number.isFinite(n));
const isString = (s: unknown) => typeof s === 'string';

function indicatorProblems(i: Indicator, where: string): string[] {
  const out: string[] = [];
  for (const f of ['level1', 'level2', 'level3', 'description', 'basis'] as const)
    if (!isString(i[f])) out.push(`${where}.${f} not a string`);
  if (!isString(i.value?.raw)) out.push(`${where}.value.raw not a string`);
  if (!isFiniteOrNull(i.value?.number)) out.push(`${where}.value.number ${i.value?.number}`);
  if (!Number.isInteger(i.line) || i.line < 1) out.push(`${where}.line ${i.line}`);
  return out;
}

function projectProblems(p: Project, where: string): string[] {
  const out: string[] = [];
  if (!Number.isFinite(p.seq)) out.push(`${where}.seq ${p.seq}`);
  if (!isString(p.name) || !isString(p.purpose)) out.push(`${where} name/purpose not strings`);
  if (p.code !== null && !isString(p.code)) out.push(`${where}.code not a string`);
  for (const k of ['total', 'fiscal', 'other'] as const)
    if (!isFiniteOrNull(p.budget?.[k])) out.push(`${where}.budget.${k} ${p.budget?.[k]}`);
  if (!Array.isArray(p.schedule?.raw) || p.schedule.raw.length !== 4) out.push(`${where}.schedule.raw`);
  for (const v of p.schedule?.percent ?? []) if (!isFiniteOrNull(v)) out.push(`${where}.schedule.percent ${v}`);
  if (!Array.isArray(p.objectives) || !p.objectives.every(isString)) out.push(`${where}.objectives`);
  if (!Array.isArray(p.indicators)) out.push(`${where}.indicators not an array`);
  else
    p.indicators.forEach((i, k) => {
      out.push(...indicatorProblems(i, `${where}.indicators[${k}]`));
    });
  return out;
}

/** What is wrong with a parse result's shape: a crash turned into PARSER_FAILURE, NaN, non-strings, … */
function structuralProblems(r: ParseResult): string[] {
  if (!r || typeof r !== 'object' || !r.document) return ['no document'];
  const out: string[] = [];
  const d: TargetDocument = r.document;
  if (!Array.isArray(r.diagnostics)) out.push('diagnostics not an array');
  for (const g of r.diagnostics ?? []) {
    if (g.code === 'PARSER_FAILURE') out.push(`PARSER_FAILURE: ${g.message}`);
    if (!isString(g.message) || !isString(g.code)) out.push('diagnostic without code/message');
  }
  if (!isFiniteOrNull(d.year)) out.push(`year ${d.year}`);
  if (!Array.isArray(d.projects)) return [...out, 'projects not an array'];
  if (!Array.isArray(d.overall?.subGoals) || !Array.isArray(d.overall?.measures)) out.push('overall arrays');
  d.projects.forEach((p, k) => {
    out.push(...projectProblems(p, `projects[${k}]`));
  });
  return out;
}

/** Lines of the original each indicator depends on: its table's header area and its own row up to the next. */
function indicatorSpans(doc: TargetDocument, lineCount: number): { from: number; to: number; header: number }[] {
  const spans: { from: number; to: number; header: number }[] = [];
  doc.projects.forEach((p, k) => {
    const tableEnd = (doc.projects[k + 1]?.line ?? lineCount + 1) - 1;
    p.indicators.forEach((ind, j) => {
      const to = (p.indicators[j + 1]?.line ?? tableEnd + 1) - 1;
      spans.push({ from: ind.line, to, header: p.line });
    });
  });
  return spans;
}

/** Counts of warning and error diagnostics by code. */
function complaintCounts(r: ParseResult): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of r.diagnostics) if (d.severity !== 'info') m.set(d.code, (m.get(d.code) ?? 0) + 1);
  return m;
}

/**
 * The parser's promise about loss: every indicator whose table header and row the mutation left
 * untouched is still read, unless a warning or error the original did not have says something
 * could not be read. Returns a message when the promise is broken, or null.
 */
function unreportedLoss(seed: Seed, mutant: Mutant, r: ParseResult): string | null {
  if (mutant.damaged === null) return null;
  const damaged = mutant.damaged;
  const lineCount = seed.text.split('\n').length;
  const touched = (from: number, to: number) => {
    for (const l of damaged) if (l >= from && l <= to) return true;
    return false;
  };
  const expected = indicatorSpans(seed.result.document, lineCount).filter(
    (s) => !touched(s.header, s.from - 1) && !touched(s.from, s.to),
  ).length;
  const read = r.document.projects.reduce((n, p) => n + p.indicators.length, 0);
  if (read >= expected) return null;
  const before = complaintCounts(seed.result);
  for (const [code, n] of complaintCounts(r)) if (n > (before.get(code) ?? 0)) return null;
  return `read ${read} indicators, ${expected} were untouched, and no new warning says why`;
}

interface Tally {
  inputs: number;
  failures: string[];
  slowest: number;
}

/** Parses `text`, timing it; a parse over its bound is timed again once (a GC pause is no hang). */
function timedParse(text: string, name: string): { result: ParseResult; ms: number; thrown: unknown } {
  let ms = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const t0 = performance.now();
    try {
      const result = parseDocument(text, name);
      ms = performance.now() - t0;
      if (ms <= timeBound(text.length)) return { result, ms, thrown: undefined };
      if (attempt === 1) return { result, ms, thrown: undefined };
    } catch (err) {
      return { result: undefined as unknown as ParseResult, ms: performance.now() - t0, thrown: err };
    }
  }
  throw new Error('unreachable');
}

function attack(kind: MutationKind, tally: Tally): void {
  for (const seed of SEEDS)
    for (let s = 1; s <= PER_KIND; s++) {
      const mutant = mutate(seed.text, kind, s * 7919 + seed.name.length);
      const label = `${kind} seed ${mutant.seed} of ${seed.name}`;
      tally.inputs++;
      const { result, ms, thrown } = timedParse(mutant.text, label);
      tally.slowest = Math.max(tally.slowest, ms);
      if (thrown !== undefined) {
        tally.failures.push(`${label}: threw ${thrown instanceof Error ? thrown.stack : String(thrown)}`);
        continue;
      }
      if (ms > timeBound(mutant.text.length))
        tally.failures.push(`${label}: ${ms.toFixed(0)} ms for ${mutant.text.length} characters`);
      for (const p of structuralProblems(result).slice(0, 3)) tally.failures.push(`${label}: ${p}`);
      const loss = unreportedLoss(seed, mutant, result);
      if (loss) tally.failures.push(`${label}: ${loss}`);
    }
}

const TALLIES = new Map<MutationKind, Tally>();

describe('fuzz: mutated documents', () => {
  it('the seeds parse cleanly (the mutations start from good documents)', () => {
    expect(SEEDS.length).toBe(SAMPLES.length * (RENDER_LAYOUTS.length + 1));
    for (const seed of SEEDS) {
      expect(structuralProblems(seed.result)).toEqual([]);
      expect(seed.result.document.projects.length).toBeGreaterThan(0);
    }
  });

  for (const kind of MUTATION_KINDS)
    it(`${kind}: never throws, never hangs, stays well-formed, reports loss`, () => {
      const tally: Tally = { inputs: 0, failures: [], slowest: 0 };
      attack(kind, tally);
      TALLIES.set(kind, tally);
      expect(tally.failures.slice(0, 10)).toEqual([]);
    });

  it(`tried at least ${MIN_INPUTS} mutated inputs (summary in test-results/fuzz-summary.json)`, () => {
    const kinds = Object.fromEntries(
      [...TALLIES].map(([k, t]) => [
        k,
        { inputs: t.inputs, failures: t.failures.length, slowestMs: +t.slowest.toFixed(1) },
      ]),
    );
    const total = [...TALLIES.values()].reduce((n, t) => n + t.inputs, 0);
    const failures = [...TALLIES.values()].reduce((n, t) => n + t.failures.length, 0);
    for (const [k, t] of Object.entries(kinds))
      console.log(
        `fuzz ${k.padEnd(24)} ${String(t.inputs).padStart(5)} inputs, ${t.failures} failures, slowest ${t.slowestMs} ms`,
      );
    console.log(`fuzz total ${total} inputs, ${failures} failures`);
    mkdirSync(new URL('../../test-results/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL('../../test-results/fuzz-summary.json', import.meta.url),
      `${JSON.stringify({ total, failures, kinds }, null, 2)}\n`,
    );
    expect(TALLIES.size).toBe(MUTATION_KINDS.length);
    expect(total).toBeGreaterThanOrEqual(MIN_INPUTS);
  });
});
