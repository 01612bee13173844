/**
 * Round trip: every sample document is parsed, written back out in each layout family by
 * src/render, and parsed again; the projects (and department, year, region) must come back equal
 * field by field. A failure here means either the renderer left the sample style or the parser
 * misreads a layout it claims to read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Indicator, type Project, parseDocument, type TargetDocument } from '../../src/parse';
import { RENDER_LAYOUTS, type RenderLayout, type RenderOptions, renderDocument } from '../../src/render';

const DATA = new URL('../../data/', import.meta.url);
const SAMPLES = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, document: parseDocument(readFileSync(new URL(name, DATA), 'utf8'), name).document }));

/** Layouts that wrap cells over lines; there a break may legitimately drop or add a space. */
const WRAPPING: readonly RenderLayout[] = ['pdf-text', 'aligned'];

type Text = (s: string) => string;
const exact: Text = (s) => s;
const noSpace: Text = (s) => s.replace(/\s+/g, '');

function indicatorView(i: Indicator, t: Text) {
  return {
    level1: t(i.level1),
    level2: t(i.level2),
    level3: t(i.level3),
    description: t(i.description),
    value: { ...i.value, raw: t(i.value.raw) },
    basis: t(i.basis),
  };
}

/**
 * PDF text keeps no column positions, so a schedule printed with a leading blank month
 * (000 #18: —, 70%, 90%, 100%) can only be read back in order (and the parser says so in a
 * diagnostic); for that layout the schedule is compared as its printed cells in order.
 */
const POSITIONLESS: readonly RenderLayout[] = ['pdf-text'];

function scheduleInOrder(p: Project) {
  return {
    kind: p.schedule.kind,
    cells: p.schedule.raw.filter((c) => c !== null),
    shares: p.schedule.percent.filter((c) => c !== null),
  };
}

/** The fields a round trip must keep (everything but source line numbers). */
function projectView(p: Project, t: Text, positionless = false) {
  return {
    seq: p.seq,
    unitCode: p.unitCode,
    unitName: p.unitName === null ? null : t(p.unitName),
    code: p.code,
    name: t(p.name),
    budget: p.budget,
    purpose: t(p.purpose),
    schedule: positionless
      ? scheduleInOrder(p)
      : { kind: p.schedule.kind, raw: p.schedule.raw, percent: p.schedule.percent },
    objectives: p.objectives.map(t),
    indicators: p.indicators.map((i) => indicatorView(i, t)),
  };
}

function documentView(d: TargetDocument, t: Text, layout?: RenderLayout) {
  const positionless = layout !== undefined && POSITIONLESS.includes(layout);
  return {
    department: d.department,
    year: d.year,
    region: d.region,
    projects: d.projects.map((p) => projectView(p, t, positionless)),
  };
}

function roundTrip(doc: TargetDocument, layout: RenderLayout, opts: RenderOptions = {}) {
  const text = renderDocument(doc, layout, opts);
  const back = parseDocument(text, `${doc.file}.${layout}`).document;
  return { text, back };
}

describe('parse(render(parse(sample))) equals parse(sample)', () => {
  for (const { name, document } of SAMPLES)
    for (const layout of RENDER_LAYOUTS)
      it(`${name} as ${layout}`, () => {
        const t = WRAPPING.includes(layout) ? noSpace : exact;
        const { back } = roundTrip(document, layout);
        expect(back.layout).toBe(layout);
        expect(documentView(back, t, layout)).toEqual(documentView(document, t, layout));
      });
});

const SEEDS = [11, 22, 33];

describe('round trip with other wrap widths and page breaks (seeded)', () => {
  for (const { name, document } of SAMPLES)
    for (const layout of WRAPPING)
      for (const seed of SEEDS)
        it(`${name} as ${layout}, seed ${seed}`, () => {
          const { back } = roundTrip(document, layout, { seed, toc: seed === 22 });
          expect(back.layout).toBe(layout);
          expect(documentView(back, noSpace, layout)).toEqual(documentView(document, noSpace, layout));
        });

  for (const { name, document } of SAMPLES.filter((s) => s.name.startsWith('001')))
    it(`${name} as pdf-text, rows split at any page break`, () => {
      const { back } = roundTrip(document, 'pdf-text', { rowSplit: 'any' });
      expect(documentView(back, noSpace, 'pdf-text')).toEqual(documentView(document, noSpace, 'pdf-text'));
    });

  it('different seeds give different renderings', () => {
    const doc = SAMPLES[0]?.document as TargetDocument;
    for (const layout of WRAPPING) {
      const texts = new Set(SEEDS.map((seed) => renderDocument(doc, layout, { seed })));
      expect(texts.size).toBe(SEEDS.length);
    }
  });
});

describe('renderDocument', () => {
  it('is deterministic without a seed', () => {
    const doc = SAMPLES[0]?.document as TargetDocument;
    for (const layout of RENDER_LAYOUTS) expect(renderDocument(doc, layout)).toBe(renderDocument(doc, layout));
  });

  it('rejects an unknown layout', () => {
    const doc = SAMPLES[0]?.document as TargetDocument;
    expect(() => renderDocument(doc, 'docx' as RenderLayout)).toThrow(/^invalid layout: docx$/);
  });
});

describe('layouts with their own markup', () => {
  it('markdown headings (# title, ## 一、总体绩效目标) read like plain headings', () => {
    const doc = SAMPLES[0]?.document as TargetDocument;
    const md = renderDocument(doc, 'markdown')
      .replace(/^(巨鹿县人民政府办公室)$/m, '# $1')
      .replace(/^([一二三]、\S+)$/gm, '## $1');
    expect(md).toContain('## 二、分项绩效目标');
    const back = parseDocument(md, 'headings.md').document;
    expect(back.department).toBe(doc.department);
    expect(back.overall).toEqual(doc.overall);
  });
});
