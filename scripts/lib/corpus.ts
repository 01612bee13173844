/**
 * Synthetic province corpus: regions × departments × years × projects, built from the vocabulary,
 * values and boilerplate of the sample documents (data/), rendered in every text layout the parser
 * reads. Deterministic for a seed; every file is named `synthetic-…` and every region code starts
 * with 99 (no real province has it), so nothing generated can be taken for a real document.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Indicator, type Project, parseValue, type TargetDocument, type WanYuan } from '../../src/parse';
import { createRandom, type Random, RENDER_LAYOUTS, type RenderLayout, renderDocument } from '../../src/render';
import { generateYears, moveValue, scaleBudget, shiftYears } from '../../src/years/generate';
import { FAMILIES_FILE } from './dataset';

/** Options of {@link corpusDocuments} (`npm run corpus`). */
export interface CorpusOptions {
  counties: number;
  /** Departments per county (default 60). */
  departments?: number;
  /** Mean projects per department (default 15; each department draws 80–120% of it). */
  projects?: number;
  /** Mean indicator rows per project (default 10; each project draws 80–120% of it). */
  indicators?: number;
  /** Budget years (default 2023, 2024, 2025); consecutive years of a department evolve by `generateYears`. */
  years?: readonly number[];
  seed?: number;
}

/** One generated document, ready to write under `dir` (`<year>/<region code>`). */
export interface CorpusDocument {
  dir: string;
  file: string;
  layout: RenderLayout;
  text: string;
  year: number;
  regionCode: string;
  region: string;
  department: string;
  projects: number;
  indicators: number;
}

/** What `writeCorpus` wrote (`corpus.json`). */
export interface CorpusManifest {
  synthetic: true;
  note: string;
  options: Required<CorpusOptions>;
  documents: number;
  projects: number;
  indicators: number;
  bytes: number;
  /** SHA-256 over every file name and text, in write order (equal for equal options). */
  digest: string;
}

export const CORPUS_MANIFEST = 'corpus.json';
export const DEFAULT_CORPUS_SEED = 1;

/** File extension of each layout. */
export const LAYOUT_EXT: Record<RenderLayout, string> = {
  tsv: 'txt',
  word: 'txt',
  'pdf-text': 'txt',
  aligned: 'txt',
  markdown: 'md',
  html: 'html',
};

/**
 * Department kinds of a county government: the ones of the samples first (人民政府办公室, 行政审批局,
 * 机关事务中心, a town government), then the usual bureaus of a 县级 government.
 */
export const DEPARTMENT_KINDS = [
  '人民政府办公室',
  '行政审批局',
  '机关事务中心',
  '城关镇人民政府',
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '城市管理综合行政执法局',
  '信访局',
  '数据和政务服务局',
  '档案馆',
  '地方志办公室',
  '融媒体中心',
  '供销合作社联合社',
  '红十字会',
  '妇女联合会',
  '总工会',
  '共青团委员会',
  '残疾人联合会',
  '科学技术协会',
  '工商业联合会',
  '气象局',
  '人民武装部',
  '机关事务服务中心',
  '粮食和物资储备局',
  '乡村振兴局',
  '国有资产服务中心',
  '公共资源交易中心',
  '疾病预防控制中心',
  '人民医院',
  '中医院',
  '妇幼保健院',
  '职业技术教育中心',
  '第一中学',
  '图书馆',
  '文物保护中心',
  '殡葬管理所',
  '社会福利院',
  '北关镇人民政府',
  '南关乡人民政府',
  '东城街道办事处',
  '西城街道办事处',
] as const;

// Stems of synthetic county names: two characters, none of them a region suffix (县 市 区 旗 州).
const STEM_A = '安宁平和永清长兴怀远昌乐泰嘉明德广丰崇义临康';
const STEM_B = '阳川山河源宁泉江丘城陵水台林原谷岭溪坪阴';
const SUFFIXES = ['县', '县', '县', '市', '区'] as const;

/** Name and code of the synthetic county `i` (0-based): unique for i < 440, code 99xxxx. */
export function countyOf(i: number): { region: string; regionCode: string } {
  const a = STEM_A[i % STEM_A.length] as string;
  const b = STEM_B[Math.floor(i / STEM_A.length) % STEM_B.length] as string;
  const stem = a === b ? `${a}丰` : a + b;
  return {
    region: `${stem}${SUFFIXES[i % SUFFIXES.length]}`,
    regionCode: `99${String(i + 1).padStart(4, '0')}`,
  };
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const stemOf = (region: string) => region.replace(/(自治县|自治州|县|市|区|旗)$/, '');

/** Replaces a sample's department, region and place names by the synthetic ones. */
function relocate(text: string, from: TargetDocument, department: string, region: string): string {
  let out = text;
  if (from.department) out = out.split(from.department).join(department);
  if (from.region) {
    out = out.split(from.region).join(region);
    const s = stemOf(from.region);
    if (s.length >= 2) out = out.split(s).join(stemOf(region));
  }
  return out.replace(/官亭镇/g, '城关镇');
}

interface Source {
  doc: TargetDocument;
  project: Project;
}

function twoDigit(year: number): string {
  return String(year % 100).padStart(2, '0');
}

function projectCode(regionCode: string, year: number, unit: string, k: number, rnd: Random): string {
  const letter = String.fromCharCode(65 + rnd.int(0, 25));
  return `${regionCode}${twoDigit(year)}P${unit}${String(k).padStart(4, '0')}${rnd.int(0, 9)}${letter}`;
}

/** An indicator row of a sample, its dates moved from the sample's year to `year`, its number moved now and then. */
function copyRow(
  row: Indicator,
  from: TargetDocument,
  year: number,
  rnd: Random,
  rel: (t: string) => string,
): Indicator {
  const delta = year - (from.year ?? year);
  const shift = (t: string) => rel(delta ? shiftYears(t, from.year as number, delta) : t);
  const raw = shift(row.value.raw);
  let value = raw === row.value.raw ? { ...row.value } : parseValue(raw);
  if (rnd.chance(0.3)) value = moveValue(value, rnd.chance(0.5), rnd) ?? value;
  return {
    level1: row.level1,
    level2: row.level2,
    level3: row.level3,
    description: shift(row.description),
    value,
    basis: shift(row.basis),
    line: 0,
  };
}

/** Builds the base-year document of one synthetic department. */
function baseDocument(
  samples: readonly TargetDocument[],
  pool: readonly Source[],
  o: Required<CorpusOptions>,
  county: { region: string; regionCode: string },
  kindIndex: number,
  year: number,
  rnd: Random,
): TargetDocument {
  const kind = DEPARTMENT_KINDS[kindIndex % DEPARTMENT_KINDS.length] as string;
  const round = Math.floor(kindIndex / DEPARTMENT_KINDS.length);
  const department = `${county.region}${kind}${round ? `第${round + 1}分部` : ''}`;
  const unit = String(400 + (kindIndex % 600)).padStart(3, '0');
  const unitCode = `${unit}001`;
  const unitName = `${department}本级`;
  const base = rnd.pick(samples);
  const rel = (from: TargetDocument) => (t: string) => relocate(t, from, department, county.region);
  const relBase = rel(base);
  const nProjects = Math.max(1, rnd.int(Math.round(o.projects * 0.8), Math.round(o.projects * 1.2)));
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  const projects: Project[] = [];
  for (let k = 0; k < nProjects; k++) {
    const src = rnd.pick(pool);
    const r = rel(src.doc);
    let name = r(src.project.name);
    for (let n = 2; usedNames.has(name); n++) name = `${r(src.project.name)}（${n}）`;
    usedNames.add(name);
    let code = projectCode(county.regionCode, year, unit, k + 1, rnd);
    while (usedCodes.has(code)) code = projectCode(county.regionCode, year, unit, k + 1, rnd);
    usedCodes.add(code);
    const wantRows = Math.max(3, rnd.int(Math.round(o.indicators * 0.8), Math.round(o.indicators * 1.2)));
    const rows = src.project.indicators.slice(0, wantRows).map((x) => copyRow(x, src.doc, year, rnd, r));
    for (let tries = 0; rows.length < wantRows && tries < 200; tries++) {
      const other = rnd.pick(pool);
      const row = rnd.pick(other.project.indicators.length ? other.project.indicators : src.project.indicators);
      if (!row.level1 || !row.level2 || !row.level3 || rows.some((x) => x.level3 === row.level3)) continue;
      const copy = copyRow(row, other.doc, year, rnd, rel(other.doc));
      let at = -1;
      rows.forEach((x, i) => {
        if (x.level1 === copy.level1 && x.level2 === copy.level2) at = i;
      });
      if (at < 0) rows.push(copy);
      else rows.splice(at + 1, 0, copy);
    }
    const srcTotal = src.project.budget.total ?? 10;
    const factor = Math.exp((rnd.next() - 0.5) * 2.4);
    const raw = srcTotal * factor;
    const total = raw >= 5 && rnd.chance(0.6) ? Math.round(raw) : Math.round(raw * 100) / 100;
    const money = total > 0 ? scaleBudget(src.project, total) : null;
    const delta = year - (src.doc.year ?? year);
    const shift = (t: string) => r(delta ? shiftYears(t, src.doc.year as number, delta) : t);
    projects.push({
      seq: k + 1,
      unitCode,
      unitName,
      code,
      name,
      budget: money?.budget ?? { ...src.project.budget, total: src.project.budget.total as WanYuan | null },
      purpose: shift(src.project.purpose),
      schedule: money?.schedule ?? { ...src.project.schedule },
      objectives: src.project.objectives.map(shift),
      indicators: rows,
      line: 0,
    });
  }
  const delta = year - (base.year ?? year);
  const shift = (t: string) => relBase(delta ? shiftYears(t, base.year as number, delta) : t);
  return {
    file: `synthetic-${county.regionCode}-${String(kindIndex + 1).padStart(3, '0')}-${year}.txt`,
    year,
    yearInferred: false,
    department,
    region: county.region,
    regionCode: county.regionCode,
    layout: 'tsv',
    overall: {
      goal: shift(base.overall.goal),
      subGoals: base.overall.subGoals.map((g) => ({
        title: shift(g.title),
        goal: shift(g.goal),
        indicators: shift(g.indicators),
      })),
      measures: base.overall.measures.map(shift),
    },
    projects,
  };
}

/** The department's documents for every year of `years`, from the base year (the middle one) outwards. */
function departmentYears(base: TargetDocument, years: readonly number[], seed: number): Map<number, TargetDocument> {
  const out = new Map<number, TargetDocument>([[base.year as number, base]]);
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const opts = { renamedReissued: 0, layouts: ['tsv', 'tsv'] as const };
  for (let cur = base; (cur.year as number) < hi; ) {
    cur = { ...generateYears(cur, seed, opts).following, file: base.file };
    out.set(cur.year as number, cur);
  }
  for (let cur = base; (cur.year as number) > lo; ) {
    cur = { ...generateYears(cur, seed, opts).previous, file: base.file };
    out.set(cur.year as number, cur);
  }
  return out;
}

function withDefaults(o: CorpusOptions): Required<CorpusOptions> {
  const years = [...new Set(o.years ?? [2023, 2024, 2025])].sort((a, b) => a - b);
  if (!years.length || years.some((y) => !Number.isInteger(y) || y < 2000 || y > 2099))
    throw new Error(`invalid years: ${years.join(',')}`);
  const positive = (n: number | undefined, d: number, what: string) => {
    const v = n ?? d;
    if (!Number.isInteger(v) || v < 1) throw new Error(`invalid ${what}: ${v}`);
    return v;
  };
  return {
    counties: positive(o.counties, 1, 'counties'),
    departments: positive(o.departments, 60, 'departments'),
    projects: positive(o.projects, 15, 'projects'),
    indicators: positive(o.indicators, 10, 'indicators'),
    years,
    seed: o.seed ?? DEFAULT_CORPUS_SEED,
  };
}

/**
 * Every document of the corpus, one department at a time (county by county), so a province is never
 * held in memory. Deterministic for the options; layouts rotate over RENDER_LAYOUTS.
 * @param samples the parsed sample documents (vocabulary, values, boilerplate)
 */
export function* corpusDocuments(
  samples: readonly TargetDocument[],
  options: CorpusOptions,
): Generator<CorpusDocument, void, undefined> {
  const o = withDefaults(options);
  const usable = samples.filter((d) => d.year !== null && d.department && d.projects.length);
  if (!usable.length) throw new Error('corpus: no sample document with a year, a department and projects');
  const pool = usable.flatMap((doc) =>
    doc.projects.filter((p) => p.indicators.length >= 3).map((project) => ({ doc, project })),
  );
  const baseYear = o.years[Math.floor((o.years.length - 1) / 2)] as number;
  let n = 0;
  for (let c = 0; c < o.counties; c++) {
    const county = countyOf(c);
    for (let d = 0; d < o.departments; d++) {
      const seed = (Math.imul(o.seed >>> 0, 0x9e3779b1) ^ hash(`${county.regionCode}/${d}`)) >>> 0;
      const rnd = createRandom(seed);
      const base = baseDocument(usable, pool, o, county, d, baseYear, rnd);
      const byYear = departmentYears(base, o.years, seed);
      for (const year of o.years) {
        const doc = byYear.get(year) as TargetDocument;
        const layout = RENDER_LAYOUTS[n++ % RENDER_LAYOUTS.length] as RenderLayout;
        const file = `synthetic-${county.regionCode}-${String(d + 1).padStart(3, '0')}-${year}.${LAYOUT_EXT[layout]}`;
        const text = renderDocument({ ...doc, file, layout }, layout, { seed: seed ^ year, rowSplit: 'never' });
        yield {
          dir: `${year}/${county.regionCode}`,
          file,
          layout,
          text,
          year,
          regionCode: county.regionCode,
          region: county.region,
          department: doc.department as string,
          projects: doc.projects.length,
          indicators: doc.projects.reduce((s, p) => s + p.indicators.length, 0),
        };
      }
    }
  }
}

/**
 * `npm run corpus` as a function: writes every document of {@link corpusDocuments} to
 * `outDir/<year>/<region code>/synthetic-….<txt|md|html>` as it is made, and `corpus.json`.
 * @param onProgress called after each department with documents written so far and the total
 */
export async function writeCorpus(
  samples: readonly TargetDocument[],
  options: CorpusOptions,
  outDir: string,
  onProgress?: (done: number, total: number, bytes: number) => void,
): Promise<CorpusManifest> {
  const o = withDefaults(options);
  const total = o.counties * o.departments * o.years.length;
  const digest = createHash('sha256');
  const made = new Set<string>();
  let documents = 0;
  let projects = 0;
  let indicators = 0;
  let bytes = 0;
  for (const doc of corpusDocuments(samples, o)) {
    const dir = join(outDir, doc.dir);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(join(dir, doc.file), doc.text);
    digest.update(`${doc.dir}/${doc.file}\n${doc.text}\n`);
    documents++;
    projects += doc.projects;
    indicators += doc.indicators;
    bytes += Buffer.byteLength(doc.text, 'utf8');
    if (documents % o.years.length === 0) onProgress?.(documents, total, bytes);
  }
  const manifest: CorpusManifest = {
    synthetic: true,
    note: 'Synthetic documents generated from the samples in data/ (npm run corpus); not real budgets. Region codes 99xxxx do not exist.',
    options: o,
    documents,
    projects,
    indicators,
    bytes,
    digest: digest.digest('hex'),
  };
  await writeFile(join(outDir, CORPUS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // The documents use the samples' vocabulary, so the samples' project families apply to them.
  await copyFile(join(import.meta.dirname, '..', '..', 'data', FAMILIES_FILE), join(outDir, FAMILIES_FILE));
  return manifest;
}
