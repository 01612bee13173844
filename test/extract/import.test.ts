/**
 * Import of real files, no mocks: each sample is written as Word, Excel and PDF (LibreOffice) and as
 * GBK text by scripts/lib/fixtures.ts, then extracted and parsed; the records must equal those of the
 * sample's .txt. Broken, encrypted, scanned and foreign files must give their ExtractError code.
 * PDF text is laid out again from glyph positions, so wrapped cells and paragraphs may gain or lose a
 * space at a line break (as in the aligned round trip): PDFs are compared ignoring whitespace. Each
 * sample is a PDF twice: with wide table columns (`.pdf`, little wraps) and with the narrow columns of
 * a table made in Word on an A4 page with normal margins (`.narrow.pdf`: labels, codes, names, amounts
 * and values wrap in their cells).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitsBiff8, frontLines, makeFixtures, toWorkbook } from '../../scripts/lib/fixtures';
import {
  ExtractError,
  type ExtractErrorCode,
  type ExtractOptions,
  extractDocument,
  sourceKindOf,
} from '../../src/extract';
import { parseDocument, type TargetDocument } from '../../src/parse';
import { alignedCells } from '../../src/parse/layouts/aligned';

const DATA = join(import.meta.dirname, '../../data');
const OUT = join(import.meta.dirname, '../../test-results/import-fixtures');
const PDFJS = join(import.meta.dirname, '../../node_modules/pdfjs-dist');
/** The app serves these folders; in Node pdf.js reads them from disk. */
const OPTIONS: ExtractOptions = {
  pdf: { cMapUrl: `${PDFJS}/cmaps/`, standardFontDataUrl: `${PDFJS}/standard_fonts/` },
};

const SAMPLES = readdirSync(DATA)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(DATA, name), 'utf8');
    const document = parseDocument(text, name).document;
    // SheetJS writes .xls cells of at most 255 characters: samples with longer Part 1 paragraphs have no .xls.
    const xls = fitsBiff8(toWorkbook(document, frontLines(text, document)));
    return { stem: name.replace(/\.txt$/, ''), document, xls };
  });

const fixture = (file: string) => new Uint8Array(readFileSync(join(OUT, file)));

beforeAll(() => makeFixtures(OUT), 180_000);

type Text = (s: string) => string;
const exact: Text = (s) => s;
const noSpace: Text = (s) => s.replace(/\s+/g, '');

/** Every string in a value mapped by `t`. */
function mapText(v: unknown, t: Text): unknown {
  if (typeof v === 'string') return t(v);
  if (Array.isArray(v)) return v.map((x) => mapText(x, t));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapText(x, t)]));
  return v;
}

/** The whole parse but what depends on the layout: file name, layout id and source lines. */
function records(d: TargetDocument, t: Text) {
  const { file: _file, layout: _layout, projects, ...rest } = d;
  return mapText(
    {
      ...rest,
      projects: projects.map(({ line: _line, indicators, ...p }) => ({
        ...p,
        indicators: indicators.map(({ line: _l, ...i }) => i),
      })),
    },
    t,
  );
}

const FORMATS: { ext: string; layout: string; t: Text }[] = [
  { ext: '.gbk.txt', layout: '', t: exact },
  { ext: '.docx', layout: 'html', t: exact },
  { ext: '.xlsx', layout: 'html', t: exact },
  { ext: '.xls', layout: 'html', t: exact },
  { ext: '.pdf', layout: 'aligned', t: noSpace },
  { ext: '.narrow.pdf', layout: 'aligned', t: noSpace },
];

describe('extractDocument → parseDocument gives the records of the sample .txt', () => {
  for (const { stem, document, xls } of SAMPLES)
    for (const { ext, layout, t } of FORMATS.filter((f) => f.ext !== '.xls' || xls))
      it(`${stem}${ext}`, async () => {
        const extraction = await extractDocument(`${stem}${ext}`, fixture(`${stem}${ext}`), OPTIONS);
        const back = parseDocument(extraction.text, `${stem}${ext}`).document;
        expect(back.layout).toBe(layout || document.layout);
        expect(back.projects.length).toBe(document.projects.length);
        expect(records(back, t)).toEqual(records(document, t));
      });

  it('has .xls fixtures for at least two samples', () => {
    expect(SAMPLES.filter((s) => s.xls).length).toBeGreaterThanOrEqual(2);
  });
});

describe('PDF pages', () => {
  for (const { stem, document } of SAMPLES)
    for (const ext of ['.pdf', '.narrow.pdf'])
      it(`${stem}${ext}: every line has its page; page numbers are gone`, async () => {
        const { text, pages = [] } = await extractDocument(`${stem}${ext}`, fixture(`${stem}${ext}`), OPTIONS);
        const lines = text.split('\n');
        expect(pages.length).toBe(lines.length);
        expect(pages[0]).toBe(1);
        expect(pages.every((p, i) => i === 0 || p >= (pages[i - 1] ?? 0))).toBe(true);
        expect(lines.filter((l) => /^\s*-\s*\d+\s*-\s*$/.test(l))).toEqual([]);
        const back = parseDocument(text, `${stem}${ext}`).document;
        // Tables start after Part 1, and a sample with many tables runs over many pages.
        expect(pages[(back.projects[0]?.line ?? 1) - 1]).toBeGreaterThanOrEqual(1);
        expect(pages.at(-1)).toBeGreaterThanOrEqual(Math.ceil(document.projects.length / 3));
      });
});

describe('narrow PDF columns wrap what the wide ones keep on one line', () => {
  const narrowText = async (stem: string) =>
    (await extractDocument(`${stem}.narrow.pdf`, fixture(`${stem}.narrow.pdf`), OPTIONS)).text;
  /** True when a cell matching `head` has a cell matching `rest` under it, on the next line at the same column. */
  const wrapped = (text: string, head: RegExp, rest: RegExp) => {
    const lines = text.split('\n').map(alignedCells);
    return lines.some((l, i) => {
      const next = lines[i + 1];
      return l.cells.some(
        (c, k) =>
          head.test(c) &&
          next?.cells.some((d, j) => Math.abs((next.cols[j] ?? -9) - (l.cols[k] ?? 0)) <= 1 && rest.test(d)),
      );
    });
  };

  for (const { stem } of SAMPLES)
    it(`${stem}.narrow.pdf: labels and project codes are broken over lines`, async () => {
      const text = await narrowText(stem);
      expect(wrapped(text, /^预算规模及$/, /^资金用途$/)).toBe(true);
      expect(wrapped(text, /^其中：$/, /^财政资$/)).toBe(true);
      expect(wrapped(text, /^指标值确定$/, /^依据$/)).toBe(true);
      expect(wrapped(text, /^项目名$/, /^称$/)).toBe(true);
      // Project codes are longer than their cell: the last characters are on the next line.
      expect(wrapped(text, /^\d{8}[0-9A-Z]{9,}$/, /^[0-9A-Z]{2,6}$/)).toBe(true);
    });

  it('values and amounts are broken too ("2023年" / "12月底前", "1322." / "00")', async () => {
    expect(wrapped(await narrowText(SAMPLES[2]?.stem ?? ''), /^2023年$/, /^12月底前$/)).toBe(true);
    expect(wrapped(await narrowText(SAMPLES[3]?.stem ?? ''), /^1322\.$/, /^00$/)).toBe(true);
  });
});

describe('files that cannot be imported', () => {
  const CASES: { file: string; code: ExtractErrorCode; message?: RegExp }[] = [
    { file: 'empty.txt', code: 'empty' },
    { file: 'broken.docx', code: 'corrupt' },
    { file: 'encrypted.pdf', code: 'encrypted' },
    { file: 'encrypted.docx', code: 'encrypted' },
    { file: 'image.png', code: 'binary' },
    { file: 'legacy.doc', code: 'unsupported', message: /\.docx/ },
    { file: 'scanned.pdf', code: 'unsupported', message: /OCR/ },
    { file: 'scanned.docx', code: 'empty' },
  ];
  for (const c of CASES)
    it(`${c.file} → ${c.code}`, async () => {
      const error = await extractDocument(c.file, fixture(c.file), OPTIONS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExtractError);
      expect((error as ExtractError).code).toBe(c.code);
      expect((error as ExtractError).message).toMatch(c.message ?? new RegExp(c.file.replace('.', '\\.')));
    });

  const INLINE: { name: string; bytes: Uint8Array; code: ExtractErrorCode }[] = [
    { name: 'blank.txt', bytes: new TextEncoder().encode(' \n\t\r\n\u3000'), code: 'empty' },
    { name: 'bom-only.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), code: 'empty' },
    { name: 'nul.txt', bytes: new Uint8Array([0x31, 0x00, 0x32, 0x00, 0x33]), code: 'binary' },
    { name: 'garbage.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nnot a pdf\n%%EOF'), code: 'corrupt' },
    {
      name: 'archive.zip',
      bytes: new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]),
      code: 'unsupported',
    },
    { name: 'half.docx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), code: 'corrupt' },
  ];
  for (const c of INLINE)
    it(`${c.name} → ${c.code}`, async () => {
      await expect(extractDocument(c.name, c.bytes)).rejects.toMatchObject({ name: 'ExtractError', code: c.code });
    });

  it('a half PDF → corrupt', async () => {
    const pdf = fixture(`${SAMPLES[4]?.stem}.pdf`);
    await expect(extractDocument('half.pdf', pdf.subarray(0, pdf.length >> 1))).rejects.toMatchObject({
      code: 'corrupt',
    });
  });

  it('unrelated.txt is read: the parser finds no table in it', async () => {
    const extraction = await extractDocument('unrelated.txt', fixture('unrelated.txt'));
    expect(extraction.kind).toBe('text');
    expect(parseDocument(extraction.text, 'unrelated.txt').document.projects).toEqual([]);
  });

  it('a font with a predefined CMap is read with cMapUrl, and without it the message says so', async () => {
    const { text } = await extractDocument('cmap.pdf', fixture('cmap.pdf'), OPTIONS);
    expect(text.split('\n').map((l) => l.trim())).toEqual(['项目编码        项目名称', '绩效目标表：满意度≥95%']);
    await expect(extractDocument('cmap.pdf', fixture('cmap.pdf'))).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/cMapUrl is not set/),
    });
  });
});

describe('sourceKindOf tells the format by content, then by extension', () => {
  const stem = SAMPLES[4]?.stem;
  const CASES: { file: string; name: string; kind: ReturnType<typeof sourceKindOf> }[] = [
    { file: `${stem}.docx`, name: 'report.txt', kind: 'docx' },
    { file: `${stem}.xlsx`, name: 'report.pdf', kind: 'xlsx' },
    { file: `${stem}.xls`, name: 'report', kind: 'xls' },
    { file: `${stem}.pdf`, name: 'report.docx', kind: 'pdf' },
    { file: `${stem}.gbk.txt`, name: 'report.xlsx', kind: 'text' },
    { file: 'image.png', name: 'report.txt', kind: null },
    { file: 'legacy.doc', name: 'report.xls', kind: null },
    { file: 'encrypted.docx', name: 'report.docx', kind: null },
    { file: 'broken.docx', name: 'broken.docx', kind: 'docx' },
  ];
  for (const c of CASES)
    it(`${c.file} named ${c.name} → ${c.kind}`, () => {
      expect(sourceKindOf(c.name, fixture(c.file))).toBe(c.kind);
    });

  it('text by extension or markup: .html, .md, a table without an extension', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(sourceKindOf('a.html', bytes('<p>x</p>'))).toBe('html');
    expect(sourceKindOf('a', bytes('  <table><tr><td>x</td></tr></table>'))).toBe('html');
    expect(sourceKindOf('a.md', bytes('| a | b |'))).toBe('markdown');
    expect(sourceKindOf('a.docx', bytes('项目编码\t13052924P00584011911D'))).toBe('text');
  });

  it('a Word document named .txt is extracted as Word', async () => {
    const extraction = await extractDocument('report.txt', fixture(`${stem}.docx`));
    expect(extraction.kind).toBe('docx');
    expect(parseDocument(extraction.text, 'report.txt').document.projects.length).toBe(
      SAMPLES[4]?.document.projects.length,
    );
  });
});
