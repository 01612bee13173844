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

/** The sample `name`'s document with its projects repeated `times` times (numbered on), as a renderer input. */
function repeatedDocument(doc: TargetDocument, times: number): TargetDocument {
  const n = doc.projects.length;
  const projects = Array.from({ length: times }, (_, r) =>
    doc.projects.map((p) => ({ ...p, seq: r * n + p.seq })),
  ).flat();
  return { ...doc, projects };
}

/** Fastest of `runs` parses, in ms: the least disturbed by other work on a shared machine. */
function fastestParse(text: string, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = parseDocument(text, 'series');
    best = Math.min(best, performance.now() - t0);
    expect(structuralProblems(r)).toEqual([]);
  }
  return best;
}

/** Time per character at the large size over that at the small one; quadratic work gives about large/small. */
function perCharRatio(small: string, large: string): { ratio: number; figures: string } {
  const a = fastestParse(small);
  const b = fastestParse(large);
  const ratio = b / large.length / (a / small.length);
  const figures = `${small.length} chars ${a.toFixed(1)} ms, ${large.length} chars ${b.toFixed(1)} ms, ×${ratio.toFixed(2)} per char`;
  return { ratio, figures };
}

const SAMPLE_001 = SEEDS.find((s) => s.name === '001_a1f1e70e06024129.txt') as Seed;
/** Allowed growth of time per character from the small to the large size (×16 in size: quadratic is ×16). */
const LINEAR_FACTOR = 3;

describe('size: linear time', () => {
  for (const layout of ['as printed', ...RENDER_LAYOUTS] as const)
    it(`many lines (${layout}): ×16 the projects costs at most ×${LINEAR_FACTOR} the time per character`, () => {
      const doc = SAMPLE_001.result.document;
      const make = (k: number) =>
        layout === 'as printed' ? SAMPLE_001.text.repeat(k) : renderDocument(repeatedDocument(doc, k), layout);
      const small = make(8);
      const large = make(128);
      expect(large.length).toBeGreaterThan(500_000);
      const { ratio, figures } = perCharRatio(small, large);
      console.log(`linear many lines ${layout}: ${figures}`);
      expect(ratio).toBeLessThanOrEqual(LINEAR_FACTOR);
    }, 60_000);

  /** Runs that once made a long line quadratic: spaced digits (PDF text), unclosed comments and tags outside tables (HTML). */
  const PIECES: Record<string, string> = {
    'spaced digits': '1 2 ',
    words: 'word ',
    'unclosed comments': '<!--',
    'cells outside a table': '<td>x</td>',
    'wide gaps': '项目  名称  ',
    pipes: '| a ',
  };
  for (const layout of ['as printed', ...RENDER_LAYOUTS] as const)
    it(`one long line (${layout}): ×8 its length costs at most ×${LINEAR_FACTOR} the time per character`, () => {
      const base = layout === 'as printed' ? SAMPLE_001.text : renderDocument(SAMPLE_001.result.document, layout);
      const lines = base.split('\n');
      // Inside the first indicator table, where every reader looks hardest.
      const at = lines.findIndex((l) => l.includes('三级指标')) + 2;
      for (const [name, piece] of Object.entries(PIECES)) {
        const withLine = (n: number) => {
          const out = [...lines];
          out.splice(at, 0, `${out[at]}${piece.repeat(Math.ceil(n / piece.length))}`);
          return out.join('\n');
        };
        const { ratio, figures } = perCharRatio(withLine(128_000), withLine(1_024_000));
        console.log(`linear long line ${layout} ${name}: ${figures}`);
        expect(ratio, `${name}: ${figures}`).toBeLessThanOrEqual(LINEAR_FACTOR);
      }
    }, 120_000);
});

describe('size: large inputs', () => {
  it('a 50 MB file (the samples over and over) parses, every table read', () => {
    const all = SAMPLES.map((s) => s.text).join('\n');
    const times = Math.ceil(50_000_000 / Buffer.byteLength(all));
    const text = `${all}\n`.repeat(times);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(50_000_000);
    const t0 = performance.now();
    const r = parseDocument(text, 'big.txt');
    const ms = performance.now() - t0;
    console.log(`50 MB: ${Buffer.byteLength(text)} bytes, ${r.document.projects.length} tables in ${ms.toFixed(0)} ms`);
    expect(structuralProblems(r)).toEqual([]);
    const perRound = SAMPLES.reduce((n, s) => n + parseDocument(s.text, s.name).document.projects.length, 0);
    expect(r.document.projects.length).toBe(perRound * times);
  }, 300_000);

  it('a table of 1,000 indicator rows is read whole in every layout', () => {
    const doc = SAMPLE_001.result.document;
    const first = doc.projects[0] as Project;
    const indicators = Array.from({ length: 1000 }, (_, k) => {
      const ind = first.indicators[k % first.indicators.length] as Indicator;
      return { ...ind, level3: `${ind.level3}${k + 1}` };
    });
    const big: TargetDocument = { ...doc, projects: [{ ...first, indicators }] };
    for (const layout of RENDER_LAYOUTS) {
      const r = parseDocument(renderDocument(big, layout), `1000.${layout}`);
      expect(structuralProblems(r)).toEqual([]);
      expect(
        r.document.projects.map((p) => p.indicators.length),
        layout,
      ).toEqual([1000]);
    }
  }, 60_000);

  it('headers repeated thousands of times do not blow up, and the tables after them are read', () => {
    for (const seed of SEEDS.filter((s) => s.name.startsWith('002'))) {
      const lines = seed.text.split('\n');
      const header = lines.findIndex((l) => INDICATOR_HEADER_LINE.test(l));
      const title = lines.findIndex((l) => l.includes('绩效目标表'));
      const out = [...lines];
      out.splice(header + 1, 0, ...Array<string>(5000).fill(lines[header] as string));
      out.splice(title + 1, 0, ...Array<string>(5000).fill(lines[title] as string));
      const text = out.join('\n');
      const t0 = performance.now();
      const r = parseDocument(text, seed.name);
      const ms = performance.now() - t0;
      expect(ms, seed.name).toBeLessThan(timeBound(text.length));
      expect(structuralProblems(r)).toEqual([]);
      // Every table but the first (whose header and title were repeated) is read as before.
      const counts = (d: TargetDocument) =>
        d.projects.slice(-(seed.result.document.projects.length - 1)).map((p) => p.indicators.length);
      expect(counts(r.document), seed.name).toEqual(counts(seed.result.document));
    }
  }, 60_000);
});

const INDICATOR_HEADER_LINE = /一级指标|三级指标/;
