/**
 * Import fixtures made from the samples: each `data/*.txt` is parsed and written back out as a real
 * Word document (`docx`: tables with merged cells), workbook (`@e965/xlsx`: merged cells; also legacy
 * .xls), PDF (LibreOffice, from the .docx) and GBK text; plus the files an import must reject or
 * handle (empty, truncated, encrypted, scanned, an image, a legacy .doc, unrelated prose, a PDF that
 * needs CMap files). Outputs are reused while newer than their inputs and this file.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as XLSX from '@e965/xlsx';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import iconv from 'iconv-lite';
import { parseDocument, type TargetDocument } from '../../src/parse';
import {
  INDICATOR_HEADER,
  MONTH_LABELS,
  objectivesCell,
  SCHEDULE_LABEL,
  type TableModel,
  tableModel,
  UNIT_LABEL,
  unitLine,
} from '../../src/render/model';

const run = promisify(execFile);
const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** The command that installs what {@link makeFixtures} needs for PDFs (Debian). */
export const SOFFICE_INSTALL = 'apt-get update && apt-get install -y libreoffice-writer-nogui';

/** One cell of the printed 7-column grid of a 绩效目标表. */
interface GridCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}

/**
 * The 绩效目标表 as rows of cells on a 7-column grid, merged cells as colspan/rowspan (the same
 * shape as src/render's HTML): header fields, schedule, objectives, then the indicator rows.
 */
function tableGrid(t: TableModel, [codeSpan, labelSpan]: [number, number] = WIDE.codeRow): GridCell[][] {
  const s = t.schedule;
  const rows: GridCell[][] = [
    [
      { text: '项目编码' },
      { text: t.code, colspan: codeSpan },
      { text: '项目名称', colspan: labelSpan },
      { text: t.name, colspan: 6 - codeSpan - labelSpan },
    ],
    [
      { text: '预算规模及资金用途', rowspan: 2 },
      { text: '预算数' },
      { text: t.total },
      { text: '其中：财政资金' },
      { text: t.fiscal },
      { text: '其他资金' },
      { text: t.other },
    ],
    [{ text: t.purpose, colspan: 6 }],
    [{ text: SCHEDULE_LABEL, rowspan: 2 }, ...MONTH_LABELS.map((m, i) => ({ text: m, colspan: i === 3 ? 3 : 1 }))],
    [0, 1, 2, 3].map((i) => ({ text: s[i] ?? '', colspan: i === 3 ? 3 : 1 })),
    [{ text: '绩效目标' }, { text: objectivesCell(t), colspan: 6 }],
    INDICATOR_HEADER.map((h, i) => ({ text: h, colspan: i === 3 ? 2 : 1 })),
  ];
  for (const r of t.rows) {
    const cells: GridCell[] = [];
    if (r.level1Span) cells.push({ text: r.level1, rowspan: r.level1Span });
    if (r.level2Span) cells.push({ text: r.level2, rowspan: r.level2Span });
    cells.push({ text: r.level3 }, { text: r.description, colspan: 2 }, { text: r.value }, { text: r.basis });
    rows.push(cells);
  }
  return rows;
}

/** Column widths of the 7-column grid and the page's left and right margins, in twips (A4 is 11906 wide). */
export interface TableGeometry {
  columns: number[];
  margin: number;
  /** Columns spanned by the project code and by the 项目名称 label (the name takes the rest). */
  codeRow: [number, number];
}

/**
 * Wide columns: an A4 page with 1.18 cm margins holds 10566. Label cells (预算规模及资金用途,
 * 其中：财政资金, 指标值确定依据), project codes, amounts and the numbers of values fit on one line;
 * names, descriptions and long values wrap.
 */
export const WIDE: TableGeometry = {
  columns: [2200, 1100, 1200, 1700, 1200, 1400, 1766],
  margin: 670,
  codeRow: [3, 2],
};

/**
 * Narrow columns, as a 绩效目标表 made in Word usually has them: A4 portrait with Word's normal
 * margins (3.18 cm left and right, 14.64 cm of text), every column 1.6–2.3 cm, the project code in
 * two of them and 项目名称 in one. Labels wrap (预算规模及/资金用途, 其中：/财政资/金, 项目名/称,
 * 指标值确定/依据), and so do long project codes, names, wide amounts ("1322."/"00") and values
 * ("2023年"/"12月底前").
 */
export const NARROW: TableGeometry = {
  columns: [1300, 1300, 1250, 900, 900, 1300, 1350],
  margin: 1800,
  codeRow: [2, 1],
};

const FONT = 'SimSun';
const SIZE = 21; // half-points: 10.5 pt, 五号

function textRun(t: string, opts: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: t, font: { eastAsia: FONT, ascii: FONT, hAnsi: FONT }, size: opts.size ?? SIZE, ...opts });
}

/**
 * The text before the first table, one entry per non-blank line of the sample: title page, table of
 * contents and Part 1 exactly as printed (src/render rebuilds Part 1 with its own item numbering, and
 * a document should not change on the way to Word).
 */
export function frontLines(text: string, doc: TargetDocument): string[] {
  const first = doc.projects[0]?.line ?? Number.POSITIVE_INFINITY;
  return text
    .split(/\r?\n/)
    .slice(0, first - 1)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

function frontParagraph(line: string): Paragraph {
  if (/^第[一二]部分/.test(line))
    return new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      children: [textRun(line, { size: 32 })],
    });
  if (/^[一二三]、/.test(line))
    return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [textRun(line, { size: 24 })] });
  return new Paragraph({ children: [textRun(line)] });
}

function wordTable(t: TableModel, { columns, codeRow }: TableGeometry): Table {
  return new Table({
    columnWidths: columns,
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: tableGrid(t, codeRow).map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.colspan,
                rowSpan: c.rowspan,
                children: [new Paragraph({ children: c.text ? [textRun(c.text)] : [] })],
              }),
          ),
        }),
    ),
  });
}

/**
 * A Word document: the lines before the tables as paragraphs (part and section headings styled), then
 * per 绩效目标表 its title, unit line, 单位：万元 and the table, with page numbers in the footer.
 */
export async function toDocx(
  doc: TargetDocument,
  front: string[],
  geometry: TableGeometry = WIDE,
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = front.map(frontParagraph);
  for (const t of doc.projects.map(tableModel)) {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, children: [textRun(t.title, { bold: true, size: 28 })] }),
      new Paragraph({ children: [textRun(unitLine(t) ?? '')] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [textRun(UNIT_LABEL)] }),
      wordTable(t, geometry),
      new Paragraph({ children: [] }),
    );
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: SIZE })],
      }),
    ],
  });
  const document = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: geometry.margin, right: geometry.margin },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Sheet name: Excel allows 31 characters and no `[]:*?/\`; names must be unique. */
function sheetName(s: string, taken: Set<string>): string {
  const base = s.replace(/[[\]:*?/\\]/g, '_').slice(0, 28);
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}~${k}`;
  taken.add(name);
  return name;
}

/** Lays grid rows (with spans) onto worksheet rows from `r0`, adding a merge for each spanning cell. */
function putGrid(aoa: string[][], merges: XLSX.Range[], grid: GridCell[][], r0: number): void {
  const taken = new Set<string>();
  grid.forEach((cells, i) => {
    const r = r0 + i;
    aoa[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c++;
      const row = aoa[r] as string[];
      row[c] = cell.text;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken.add(`${r + dr},${c + dc}`);
      if (cs > 1 || rs > 1) merges.push({ s: { r, c }, e: { r: r + rs - 1, c: c + cs - 1 } });
      c += cs;
    }
  });
}

/** A workbook: sheet 说明 with the lines before the tables (one a row), then one sheet per 绩效目标表 with merged cells. */
export function toWorkbook(doc: TargetDocument, front: string[]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  const names = new Set<string>();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(front.map((l) => [l])), sheetName('说明', names));
  for (const t of doc.projects.map(tableModel)) {
    const aoa: string[][] = [[t.title], [unitLine(t) ?? '', '', '', '', '', '', UNIT_LABEL]];
    const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }];
    putGrid(aoa, merges, tableGrid(t), 2);
    const ws = XLSX.utils.aoa_to_sheet(aoa.map((r) => Array.from(r, (v) => v ?? '')));
    ws['!merges'] = merges;
    ws['!cols'] = WIDE.columns.map((w) => ({ wch: Math.round(w / 120) }));
    XLSX.utils.book_append_sheet(wb, ws, sheetName(`${t.seq}.${t.name}`, names));
  }
  return wb;
}

/**
 * SheetJS writes .xls (BIFF8) strings as LABEL records, cut at 255 characters; a workbook with longer
 * text would not read back as written, so it gets no .xls fixture.
 */
export function fitsBiff8(wb: XLSX.WorkBook): boolean {
  return Object.values(wb.Sheets).every((ws) =>
    Object.entries(ws).every(([k, c]) => k.startsWith('!') || typeof c.v !== 'string' || c.v.length <= 255),
  );
}

/** Writes a file whole or not at all (a concurrent reader never sees half of it). */
async function put(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** True when `out` exists and is newer than every one of `inputs`. */
async function fresh(out: string, inputs: string[]): Promise<boolean> {
  try {
    const t = (await stat(out)).mtimeMs;
    for (const i of inputs) if ((await stat(i)).mtimeMs >= t) return false;
    return true;
  } catch {
    return false;
  }
}

/** Finds LibreOffice, or throws with the command that installs it. */
async function soffice(): Promise<string> {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      await run(bin, ['--version'], { timeout: 60_000 });
      return bin;
    } catch {}
  }
  throw new Error(`LibreOffice (soffice) is needed to make the PDF fixtures; install it with: ${SOFFICE_INSTALL}`);
}

/**
 * Converts documents with one LibreOffice call: each `from` is converted with the `--convert-to`
 * filter (`pdf`, `doc`, or a filter with options) and moved to `to`. Runs in a fresh temporary folder
 * with its own profile, so concurrent calls and a running office do not interfere.
 */
async function convert(jobs: { from: string; to: string }[], filter: string, outDir: string): Promise<void> {
  if (jobs.length === 0) return;
  const bin = await soffice();
  const tmp = await mkdtemp(join(outDir, '.soffice-'));
  try {
    const inputs = await Promise.all(
      jobs.map(async ({ from, to }) => {
        const input = join(tmp, `${basename(to, extname(to))}${extname(from)}`);
        await copyFile(from, input);
        return input;
      }),
    );
    const profile = pathToFileURL(join(tmp, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', tmp, ...inputs];
    const { stderr } = await run(bin, args, { timeout: 300_000 });
    for (const { to } of jobs) {
      const made = join(tmp, `${basename(to, extname(to))}${extname(to)}`);
      if (!(await exists(made))) throw new Error(`LibreOffice did not write ${basename(to)}: ${stderr.trim()}`);
      await rename(made, to);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A "scanned" document: one page holding only a picture, no text. */
async function scannedDocx(): Promise<Uint8Array> {
  const picture = new ImageRun({ type: 'png', data: PNG, transformation: { width: 480, height: 640 } });
  const document = new Document({ sections: [{ children: [new Paragraph({ children: [picture] })] }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A PDF whose Chinese text uses a font that is not embedded (STSong-Light, Adobe-GB1) with the
 * predefined CMap UniGB-UCS2-H, as older government PDFs do: pdf.js can read it only with its CMap
 * files (`cMapUrl`).
 */
export function cmapPdf(lines: string[]): Uint8Array {
  const hex = (s: string) => [...s].map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${770 - 20 * i} Td <${hex(l)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** The bad files written as bytes: empty, an image, unrelated prose, and a password-protected .docx container. */
function badFiles(): Record<string, Uint8Array> {
  const prose =
    '春天来了，河边的柳树发了新芽。孩子们在田野里放风筝，老人坐在村口晒太阳，说着今年的收成。\n' +
    '傍晚，炊烟升起，远处传来几声狗叫。一天就这样过去了。\n';
  // What an Office-encrypted .docx is: an OLE container with EncryptionInfo and EncryptedPackage streams.
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64).fill(0x5a));
  return {
    'empty.txt': new Uint8Array(0),
    'image.png': PNG,
    'unrelated.txt': new TextEncoder().encode(prose),
    'encrypted.docx': new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>),
  };
}

/** The PDF export options of the encrypted fixture (LibreOffice ≥ 7.4 reads filter options as JSON). */
const ENCRYPTED_PDF =
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}';

/**
 * Writes the import fixtures to `outDir` (created if missing) and returns the paths of all of them:
 * for each sample `<stem>.docx`, `.xlsx`, `.pdf`, `.gbk.txt` and, where every cell fits, `.xls`, and
 * `<stem>.narrow.docx` and `.narrow.pdf` (the tables in {@link NARROW} columns, the others {@link WIDE}); and
 * `empty.txt`, `broken.docx`, `encrypted.pdf`, `encrypted.docx`, `legacy.doc`, `image.png`,
 * `unrelated.txt`, `scanned.docx` and `scanned.pdf` (a picture, no text), `cmap.pdf` (a font that
 * needs pdf.js's CMap files).
 * Files newer than their inputs are kept. Throws when LibreOffice is missing.
 */
export async function makeFixtures(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const samples = (await readdir(DATA_DIR)).filter((f) => f.endsWith('.txt')).sort();
  const written: string[] = [];
  const pdfs: { from: string; to: string }[] = [];
  for (const name of samples) {
    const src = join(DATA_DIR, name);
    const out = (ext: string) => join(outDir, `${basename(name, '.txt')}${ext}`);
    const made = ['.docx', '.narrow.docx', '.xlsx', '.gbk.txt'];
    if ((await Promise.all(made.map((e) => fresh(out(e), [src, SELF])))).includes(false)) {
      const text = await readFile(src, 'utf8');
      const doc = parseDocument(text, name).document;
      const front = frontLines(text, doc);
      await put(out('.docx'), await toDocx(doc, front));
      await put(out('.narrow.docx'), await toDocx(doc, front, NARROW));
      const wb = toWorkbook(doc, front);
      await put(out('.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      await rm(out('.xls'), { force: true });
      if (fitsBiff8(wb)) await put(out('.xls'), XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
      await put(out('.gbk.txt'), iconv.encode(text, 'gbk'));
    }
    for (const [docx, pdf] of [
      ['.docx', '.pdf'],
      ['.narrow.docx', '.narrow.pdf'],
    ] as const)
      if (!(await fresh(out(pdf), [out(docx)]))) pdfs.push({ from: out(docx), to: out(pdf) });
    written.push(...[...made, '.pdf', '.narrow.pdf'].map(out));
    if (await exists(out('.xls'))) written.push(out('.xls'));
  }
  const scanned = join(outDir, 'scanned.docx');
  if (!(await fresh(scanned, [SELF]))) await put(scanned, await scannedDocx());
  if (!(await fresh(join(outDir, 'scanned.pdf'), [scanned])))
    pdfs.push({ from: scanned, to: join(outDir, 'scanned.pdf') });
  written.push(scanned, join(outDir, 'scanned.pdf'));
  await convert(pdfs, 'pdf', outDir);

  // A short document each for the encrypted PDF and the legacy .doc: one LibreOffice call per export filter.
  const small = join(outDir, `${basename(samples.at(-1) ?? '', '.txt')}.docx`);
  for (const [file, filter] of [
    ['encrypted.pdf', ENCRYPTED_PDF],
    ['legacy.doc', 'doc'],
  ] as const) {
    const to = join(outDir, file);
    if (!(await fresh(to, [small]))) await convert([{ from: small, to }], filter, outDir);
    written.push(to);
  }

  const docx = await readFile(small);
  const bad: Record<string, Uint8Array> = {
    ...badFiles(),
    'broken.docx': docx.subarray(0, docx.length >> 1),
    'cmap.pdf': cmapPdf(['项目编码    项目名称', '绩效目标表：满意度≥95%']),
  };
  for (const [file, bytes] of Object.entries(bad)) {
    await put(join(outDir, file), bytes);
    written.push(join(outDir, file));
  }
  return written;
}
