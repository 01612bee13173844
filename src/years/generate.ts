/**
 * Year-over-year generator: from one real 部门预算绩效文本 (year Y), makes the same department's
 * documents for Y-1 and Y+1, with the truth of what changed between consecutive years, for testing
 * year-over-year matching and change detection.
 *
 * Changes are drawn going forward in time (base → following), and as their mirror image for the
 * previous year (previous → base), so the base document itself stays the real one. Pure TypeScript
 * (no node imports): it runs in Node and in the browser, and is deterministic for a seed.
 */
import {
  buildSchedule,
  type Indicator,
  type IndicatorValue,
  isProjectCode,
  type Overall,
  type Project,
  parseDocument,
  parseValue,
  type Schedule,
  type TargetDocument,
  type WanYuan,
  yearOfCode,
} from '../parse';
import { createRandom, type Random, type RenderLayout } from '../render';
import { DEMO_PREFIX } from './demo';

/** Layouts the generated years are rendered in (ones that read back exactly). */
export const YEAR_LAYOUTS = ['tsv', 'word', 'markdown', 'html'] as const satisfies readonly RenderLayout[];
export type YearLayout = (typeof YEAR_LAYOUTS)[number];

/** File extension of each year layout. */
export const YEAR_LAYOUT_EXT: Record<YearLayout, string> = { tsv: 'txt', word: 'txt', markdown: 'md', html: 'html' };

/** How a project of one year relates to the next year. */
export type YearProjectKind = 'same-code' | 'reissued-code' | 'renamed' | 'added' | 'dropped';

/** One project of a year pair: `from`/`to` are table numbers (`Project.seq`), null where absent. */
export interface YearProjectChange {
  from: number | null;
  to: number | null;
  /** `renamed`: same code, other name; `reissued-code`: other code (name possibly changed too). */
  kind: YearProjectKind;
  budgetFrom: number | null;
  budgetTo: number | null;
}

/** How an indicator row's target changed; `unchanged` rows are copied (apart from the year in dates). */
export type YearIndicatorKind = 'raised' | 'lowered' | 'unchanged' | 'added' | 'removed';

/** One indicator row of a matched project pair. */
export interface YearIndicatorChange {
  fromSeq: number;
  toSeq: number;
  /** 三级指标 (identical in both years; the generator never edits it). */
  level3: string;
  /** 0-based index among the project's rows with this level3 (the same in both years). */
  occurrence: number;
  /** 指标值 as printed in the earlier year, null for `added`. */
  from: string | null;
  /** 指标值 as printed in the later year, null for `removed`. */
  to: string | null;
  change: YearIndicatorKind;
}

/** What changed between two consecutive years of one department. */
export interface YearPairTruth {
  department: string;
  fromYear: number;
  toYear: number;
  /** File names as written by make-years (the real sample's name for the base year). */
  fromFile: string;
  toFile: string;
  projects: YearProjectChange[];
  /** Every indicator row of every matched project pair (`from` and `to` both set). */
  indicators: YearIndicatorChange[];
}

export interface GenerateYearsOptions {
  /** Other departments' documents, whose project names feed the names of new projects. */
  others?: readonly TargetDocument[];
  /**
   * How many projects of this department (both pairs together) may be renamed and given a new code
   * at once; default 1. Such a project matches neither by name nor by code.
   */
  renamedReissued?: number;
  /** Layouts of the previous and following documents; by default drawn from YEAR_LAYOUTS. */
  layouts?: readonly [YearLayout, YearLayout];
}

export interface GeneratedYears {
  previous: TargetDocument;
  following: TargetDocument;
  /** previous → base, then base → following. */
  truth: [YearPairTruth, YearPairTruth];
}

/** Rates of the changes between consecutive years. */
export const YEAR_RATES = {
  dropped: 0.1,
  added: 0.1,
  renamed: 0.1,
  reissued: 0.15,
  budgetUnchanged: 0.2,
  raised: 0.15,
  lowered: 0.15,
  rowRemoved: 0.05,
  rowAdded: 0.05,
} as const;

/** Project names of the samples, the vocabulary of new projects when no other documents are given. */
const VOCABULARY = [
  '电子政务外网项目托管服务费',
  '督查室经费',
  '值班室经费',
  '研究室经费',
  '政府信息公开平台维护费',
  '政府网站软硬件维护、内容信息维护费',
  '光纤租赁和短信机费用',
  '统一着装经费',
  '环保工作经费',
  '基层团建工作经费',
  '信访维稳值班经费',
  '行政执法经费',
  '人大代表联络站工作经费',
  '乡镇经济普查工作经费',
  '民兵训练基地维持性经费',
  '气象灾害防御及监测预警运行经费',
  '政府门户网站网费及服务费',
  '12345政务服务热线办公经费及服务费',
  '红十字会综合业务费',
  '公务用车监督管理平台经费',
  '接待管理经费',
  '综合服务管理经费',
];

/** Leading words swapped to make a new project name from an existing one. */
const HEADS = ['政务', '机关', '综合', '政府', '部门', '便民', '应急', '智慧', '基层', '公共', '数字'];
/** Words put in front of a name that starts with none of HEADS. */
const LEADS = ['新增', '综合', '配套', '专项'];

const NUMERIC_KINDS: readonly IndicatorValue['kind'][] = ['number', 'percent', 'money'];
const NUMERIC_OPS: readonly (IndicatorValue['op'] | null)[] = ['≥', '≤', '=', null];

// ---------------------------------------------------------------------------------------------
// small helpers

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function streamSeed(seed: number, file: string, stream: number): number {
  return (Math.imul(Math.floor(seed) >>> 0, 0x9e3779b1) ^ hashString(file) ^ Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
}

function shuffle<T>(items: readonly T[], rnd: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** About `n × rate` (the fraction decides by chance), so small documents get changes now and then. */
function countOf(n: number, rate: number, rnd: Random): number {
  return Math.floor(n * rate + rnd.next());
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

function decimalsOf(digits: string): number {
  const dot = digits.indexOf('.');
  return dot < 0 ? 0 : digits.length - dot - 1;
}

function twoDigitYear(year: number): string {
  return String(((year % 100) + 100) % 100).padStart(2, '0');
}

/** File name of a generated year: `demo-<department>-<year>.<ext>`, safe for file systems. */
export function yearFileName(department: string, year: number, layout: YearLayout): string {
  const safe = department
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are unsafe in file names
    .replace(/[\\/:*?"<>|\s\u0000-\u001f\u007f]+/g, '_')
    .replace(/^[._]+|[._]+$/g, '');
  return `${DEMO_PREFIX}${safe || 'department'}-${year}.${YEAR_LAYOUT_EXT[layout]}`;
}

/**
 * Moves the years of the base year and the year before by `delta` ("2024年" → "2025年", and a stale
 * "2023年" → "2024年"), so dates keep their place relative to the budget year. Older years (a 2018
 * standard, a 2021 document number) stay as printed.
 */
export function shiftYears(text: string, year: number, delta: number): string {
  // no look-behind for digits: a value run into the next cell ("≥952024年年底完成") ends in a year too
  return text.replace(/(20\d{2})(?=\s*年)/g, (m) => {
    const y = Number(m);
    return y >= year - 1 && y <= year ? String(y + delta) : m;
  });
}

function shiftOverall(o: Overall, year: number, delta: number): Overall {
  const s = (t: string) => shiftYears(t, year, delta);
  return {
    goal: s(o.goal),
    subGoals: o.subGoals.map((g) => ({ title: s(g.title), goal: s(g.goal), indicators: s(g.indicators) })),
    measures: o.measures.map(s),
  };
}

function shiftIndicator(i: Indicator, year: number, delta: number): Indicator {
  const raw = shiftYears(i.value.raw, year, delta);
  return {
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    description: shiftYears(i.description, year, delta),
    value: raw === i.value.raw ? { ...i.value } : parseValue(raw),
    basis: shiftYears(i.basis, year, delta),
    line: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// names and codes

/** One slight rename, in the direction of time (`dir` 1: the later name, -1: the earlier one). */
function renameOnce(name: string, dir: 1 | -1, rnd: Random): string | null {
  const ops: (() => string)[] = [];
  if (name.includes('经费')) ops.push(() => replaceLast(name, '经费', '费'));
  if (/[^经]费$/.test(name)) ops.push(() => `${name.slice(0, -1)}经费`);
  if (name.includes('费用')) ops.push(() => replaceLast(name, '费用', '经费'));
  if (name.includes('工作')) ops.push(() => replaceLast(name, '工作', '业务'));
  else if (name.includes('业务')) ops.push(() => replaceLast(name, '业务', '工作'));
  if (name.includes('专项')) ops.push(() => name.replace('专项', ''));
  else if (/(经费|费用|费|资金)$/.test(name)) ops.push(() => name.replace(/(经费|费用|费|资金)$/, '专项$1'));
  if (dir === 1 && !/[）)]$/.test(name)) ops.push(() => `${name}（续）`);
  if (dir === -1 && name.endsWith('（续）')) ops.push(() => name.slice(0, -3));
  const candidates = ops.map((op) => op()).filter((n) => n !== name && n.length >= 2);
  return candidates.length ? rnd.pick(candidates) : null;
}

function replaceLast(s: string, find: string, by: string): string {
  const i = s.lastIndexOf(find);
  return i < 0 ? s : s.slice(0, i) + by + s.slice(i + find.length);
}

/** The last `k` characters redrawn (digits as digits, letters as letters). */
function redrawTail(tail: string, k: number, rnd: Random): string {
  const start = Math.max(0, tail.length - k);
  let out = tail.slice(0, start);
  for (const ch of tail.slice(start))
    out += /[0-9]/.test(ch) ? String(rnd.int(0, 9)) : String.fromCharCode(65 + rnd.int(0, 25));
  return out;
}

/** A new 项目编码: the region code, the year's two digits, and a redrawn suffix; unique in `used`. */
function newCode(template: string | null, regionCode: string, year: number, used: Set<string>, rnd: Random): string {
  const rest = template && isProjectCode(template) ? template.slice(8) : 'P005840100000';
  for (let attempt = 0; attempt < 200; attempt++) {
    const code = regionCode + twoDigitYear(year) + redrawTail(rest, attempt < 100 ? 4 : 6, rnd);
    if (isProjectCode(code) && !used.has(code)) {
      used.add(code);
      return code;
    }
  }
  throw new Error(`cannot draw a new project code from ${template}`);
}

function localise(name: string, region: string | null, foreignPlaces: readonly string[]): string | null {
  if (foreignPlaces.some((p) => name.includes(p))) return null;
  let n = name.replace(/^(20\d{2}\s*年度?|（[^）]*）|\([^)]*\))+/, '');
  if (region?.endsWith('县')) n = n.replace(/市政府/g, '县政府').replace(/全市/g, '全县');
  if (region?.endsWith('市')) n = n.replace(/县政府/g, '市政府').replace(/全县/g, '全市');
  return n.length >= 4 && n.length <= 30 ? n : null;
}

/** Place names of a department: its region without the suffix (巨鹿) and a town in its name (官亭镇, 官亭). */
function placesOf(doc: TargetDocument): string[] {
  const out: string[] = [];
  if (doc.region) out.push(doc.region.replace(/(自治县|自治州|县|市|区|旗)$/, ''));
  const rest = doc.department && doc.region ? doc.department.slice(doc.region.length) : '';
  const town = /^(.{2,4}?)(镇|乡|街道)/.exec(rest);
  if (town?.[1] && town[2]) out.push(town[1] + town[2], town[1]);
  return out.filter((p) => p.length >= 2);
}

// ---------------------------------------------------------------------------------------------
// budgets and schedules

/** The schedule printed for `newTotal`: shares as printed, amounts scaled; null when it would read differently. */
function rescaleSchedule(s: Schedule, oldTotal: number | null, newTotal: number | null): Schedule | null {
  if (s.kind === 'none') return { kind: 'none', raw: [...s.raw], percent: [...s.percent] };
  const cells = s.raw.map((c) => {
    if (c === null || s.kind !== 'amount' || oldTotal === null || newTotal === null || oldTotal <= 0) return c;
    const digits = c.replace(/[,\s]/g, '');
    const n = Number(digits);
    if (!/^\d+(\.\d+)?$/.test(digits) || !Number.isFinite(n)) return c;
    const scaled = Math.abs(n - oldTotal) <= 0.011 ? newTotal : (n * newTotal) / oldTotal;
    return scaled.toFixed(Math.max(2, decimalsOf(digits)));
  }) as Schedule['raw'];
  const slots = cells.flatMap((c, i) => (c === null ? [] : [i]));
  const printed = cells.filter((c): c is string => c !== null);
  const built = buildSchedule(printed, 4, newTotal as WanYuan | null, slots).schedule;
  if (built.kind !== s.kind || built.raw.some((c, i) => c !== cells[i])) return null;
  return built;
}

/** A project's budget and spending schedule. */
export interface Money {
  budget: Project['budget'];
  schedule: Schedule;
}

/** The budget and schedule of `p` scaled to `newTotal` 万元 (schedule printed alike); null when it would read differently. */
export function scaleBudget(p: Project, newTotal: number): Money | null {
  const total = p.budget.total;
  if (total === null || total <= 0) return null;
  const schedule = rescaleSchedule(p.schedule, total, newTotal);
  if (!schedule) return null;
  const ratio = newTotal / total;
  const { fiscal, other } = p.budget;
  let nf: number | null = fiscal;
  let no: number | null = other;
  if (fiscal !== null && other !== null) {
    nf = round2(fiscal * ratio);
    no = round2(newTotal - nf);
  } else if (fiscal !== null) nf = Math.abs(fiscal - total) <= 0.005 ? newTotal : round2(fiscal * ratio);
  else if (other !== null) no = Math.abs(other - total) <= 0.005 ? newTotal : round2(other * ratio);
  return {
    budget: { total: newTotal as WanYuan, fiscal: nf as WanYuan | null, other: no as WanYuan | null },
    schedule,
  };
}

/** The budget in the other year: the same (about 20%) or the total × [0.7, 1.4] in the direction of time. */
function changeBudget(p: Project, dir: 1 | -1, rnd: Random): Money {
  const same: Money = { budget: { ...p.budget }, schedule: cloneSchedule(p.schedule) };
  const total = p.budget.total;
  if (total === null || total <= 0 || rnd.chance(YEAR_RATES.budgetUnchanged)) return same;
  for (let attempt = 0; attempt < 8; attempt++) {
    const f = 0.7 + 0.7 * rnd.next();
    if (Math.abs(f - 1) < 0.03) continue;
    const newTotal = round2(dir === 1 ? total * f : total / f);
    const later = dir === 1 ? newTotal : total;
    const earlier = dir === 1 ? total : newTotal;
    if (newTotal <= 0 || newTotal === total || later / earlier < 0.7 || later / earlier > 1.4) continue;
    const scaled = scaleBudget(p, newTotal);
    if (scaled) return scaled;
  }
  return same;
}

function cloneSchedule(s: Schedule): Schedule {
  return { kind: s.kind, raw: [...s.raw], percent: [...s.percent] };
}

// ---------------------------------------------------------------------------------------------
// indicator values

/** The value with its number moved up or down, printed as before (comparator, unit, decimals); null when it cannot move. */
export function moveValue(v: IndicatorValue, up: boolean, rnd: Random): IndicatorValue | null {
  const old = v.number;
  if (old === null || !NUMERIC_KINDS.includes(v.kind) || !NUMERIC_OPS.includes(v.op)) return null;
  const match = [...v.raw.matchAll(/\d+(?:\.\d+)?/g)].find((m) => Number(m[0]) === old);
  if (!match || match.index === undefined) return null;
  const d = decimalsOf(match[0]);
  const unit = 10 ** -d;
  const cap = v.unit === '%' ? 100 : v.unit === '‰' ? 1000 : Number.POSITIVE_INFINITY;
  let next: number;
  if (v.kind === 'percent') {
    const step = rnd.pick([1, 2, 3, 5]);
    next = up ? Math.min(cap, old + step) : old - step;
  } else {
    const f = up ? 1.05 + 0.25 * rnd.next() : 0.7 + 0.25 * rnd.next();
    next = roundTo(old * f, d);
    if (up && next <= old) next = roundTo(old + unit, d);
    if (!up && next >= old) next = roundTo(old - unit, d);
  }
  if ((up && (next <= old || next > cap)) || (!up && (next >= old || next <= 0))) return null;
  const text = next.toFixed(d);
  const raw = v.raw.slice(0, match.index) + text + v.raw.slice(match.index + match[0].length);
  const back = parseValue(raw);
  if (back.number !== Number(text) || back.op !== v.op || back.unit !== v.unit || back.kind !== v.kind) return null;
  return back;
}

function isNumericTarget(v: IndicatorValue): boolean {
  return v.number !== null && NUMERIC_KINDS.includes(v.kind) && NUMERIC_OPS.includes(v.op);
}

/** Inserts a row after the last row of its 一级/二级指标 group (or 一级指标 group), else at the end. */
function insertRow(rows: Indicator[], row: Indicator): void {
  let at = -1;
  rows.forEach((r, i) => {
    if (r.level1 === row.level1 && r.level2 === row.level2) at = i;
  });
  if (at < 0)
    rows.forEach((r, i) => {
      if (r.level1 === row.level1) at = i;
    });
  if (at < 0) rows.push(row);
  else rows.splice(at + 1, 0, row);
}

// ---------------------------------------------------------------------------------------------
// one year step

interface Step {
  base: TargetDocument;
  year: number;
  dir: 1 | -1;
  rnd: Random;
  pool: readonly string[];
  /** Place names of the other departments, kept out of new project names. */
  foreignPlaces: readonly string[];
  allowBoth: number;
  layout: YearLayout;
}

interface RowPair {
  /** Row in the earlier year, null when added. */
  from: Indicator | null;
  to: Indicator | null;
  change: YearIndicatorKind;
}

interface ProjectPair {
  base: Project | null;
  other: Project | null;
  kind: YearProjectKind;
  rows: RowPair[];
}

function occurrenceOf(rows: readonly Indicator[], row: Indicator): number {
  let k = 0;
  for (const r of rows) {
    if (r === row) return k;
    if (r.level3 === row.level3) k++;
  }
  return -1;
}

/** Indicator rows of a continuing project in the other year, and how each relates to the base row. */
function changeIndicators(p: Project, st: Step): { rows: Indicator[]; pairs: RowPair[] } {
  const { rnd, dir, year, base } = st;
  const l3Count = new Map<string, number>();
  for (const r of p.indicators) l3Count.set(r.level3, (l3Count.get(r.level3) ?? 0) + 1);
  const l1Count = new Map<string, number>();
  for (const r of p.indicators) l1Count.set(r.level1, (l1Count.get(r.level1) ?? 0) + 1);
  const rows: Indicator[] = [];
  const pairs: RowPair[] = [];
  const orient = (baseRow: Indicator | null, otherRow: Indicator | null, change: YearIndicatorKind): RowPair =>
    dir === 1 ? { from: baseRow, to: otherRow, change } : { from: otherRow, to: baseRow, change };
  for (const r of p.indicators) {
    const droppable = l3Count.get(r.level3) === 1 && (l1Count.get(r.level1) ?? 0) > 1 && p.indicators.length > 3;
    if (droppable && rnd.chance(YEAR_RATES.rowRemoved)) {
      l1Count.set(r.level1, (l1Count.get(r.level1) ?? 0) - 1);
      pairs.push(orient(r, null, dir === 1 ? 'removed' : 'added'));
      continue;
    }
    const copy = shiftIndicator(r, year, dir);
    let change: YearIndicatorKind = 'unchanged';
    if (isNumericTarget(copy.value)) {
      const x = rnd.next();
      const wanted: YearIndicatorKind =
        x < YEAR_RATES.raised ? 'raised' : x < YEAR_RATES.raised + YEAR_RATES.lowered ? 'lowered' : 'unchanged';
      if (wanted !== 'unchanged') {
        // the other year's number goes up when the later year is higher and the other year is the later one
        const up = (wanted === 'raised') === (dir === 1);
        const moved = moveValue(copy.value, up, rnd);
        if (moved) {
          copy.value = moved;
          change = wanted;
        }
      }
    }
    rows.push(copy);
    pairs.push(orient(r, copy, change));
  }
  const extra = countOf(p.indicators.length, YEAR_RATES.rowAdded, rnd);
  for (let k = 0; k < extra; k++) {
    const have = new Set(rows.map((r) => r.level3));
    for (const r of p.indicators) have.add(r.level3);
    const candidates = base.projects
      .filter((q) => q !== p)
      .flatMap((q) => q.indicators)
      .filter((r) => r.level1 && r.level2 && r.level3 && !have.has(r.level3));
    if (!candidates.length) break;
    const row = shiftIndicator(rnd.pick(candidates), year, dir);
    insertRow(rows, row);
    pairs.push(orient(null, row, dir === 1 ? 'added' : 'removed'));
  }
  return { rows, pairs };
}

function newProjectName(st: Step, used: Set<string>): string {
  const { rnd, base } = st;
  for (let attempt = 0; attempt < 60; attempt++) {
    const picked = localise(rnd.pick(st.pool), base.region, st.foreignPlaces);
    if (!picked) continue;
    const head = HEADS.find((h) => picked.startsWith(h));
    const name = head
      ? rnd.pick(HEADS.filter((h) => h !== head)) + picked.slice(head.length)
      : rnd.pick(LEADS.filter((h) => !picked.startsWith(h))) + picked;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let k = 2; ; k++) {
    const name = `综合业务经费（${k}）`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** A project that exists only in the other year: a new name and code, indicators copied from the department. */
function newProject(st: Step, usedNames: Set<string>, usedCodes: Set<string>): Project {
  const { rnd, base, year, dir } = st;
  const otherYear = year + dir;
  const sources = base.projects.filter((q) => q.indicators.length > 0);
  const source = rnd.pick(sources.length ? sources : base.projects);
  const name = newProjectName(st, usedNames);
  const template = rnd.pick(base.projects).code;
  const regionCode = base.regionCode ?? (template ? template.slice(0, 6) : '130000');
  const code = newCode(template, regionCode, otherYear, usedCodes, rnd);
  const want = rnd.int(7, 10);
  const rows = source.indicators.slice(0, want).map((r) => shiftIndicator(r, year, dir));
  const fill = shuffle(
    base.projects.filter((q) => q !== source).flatMap((q) => q.indicators),
    rnd,
  );
  for (const r of fill) {
    if (rows.length >= want) break;
    if (!r.level1 || !r.level2 || !r.level3 || rows.some((x) => x.level3 === r.level3)) continue;
    insertRow(rows, shiftIndicator(r, year, dir));
  }
  const srcTotal = source.budget.total ?? 10;
  let money: Money | null = null;
  for (let attempt = 0; attempt < 8 && !money; attempt++) {
    const raw = srcTotal * (0.5 + 1.5 * rnd.next());
    const total = raw >= 5 && rnd.chance(0.6) ? Math.round(raw) : round2(raw);
    if (total > 0)
      money = scaleBudget(
        { ...source, budget: { total: srcTotal as WanYuan, fiscal: srcTotal as WanYuan, other: null } },
        total,
      );
  }
  if (!money) {
    const total = Math.max(1, Math.round(srcTotal));
    money = {
      budget: { total: total as WanYuan, fiscal: total as WanYuan, other: null },
      schedule: buildSchedule(['25%', '50%', '75%', '100%'], 4, total as WanYuan).schedule,
    };
  }
  const rename = (t: string) => shiftYears(source.name ? t.split(source.name).join(name) : t, year, dir);
  return {
    seq: 0,
    unitCode: source.unitCode,
    unitName: source.unitName,
    code,
    name,
    budget: money.budget,
    purpose: rename(source.purpose),
    schedule: money.schedule,
    objectives: source.objectives.map(rename),
    indicators: rows,
    line: 0,
  };
}

function step(st: Step): { doc: TargetDocument; pairs: ProjectPair[] } {
  const { base, rnd, dir, year } = st;
  const otherYear = year + dir;
  const n = base.projects.length;
  const order = shuffle(
    base.projects.map((_, i) => i),
    rnd,
  );
  const gone = new Set(order.slice(0, Math.min(countOf(n, YEAR_RATES.dropped, rnd), Math.max(0, n - 1))));
  const continuing = order.filter((i) => !gone.has(i));
  const project = (i: number) => base.projects[i] as Project;
  const yearNamed = new Set(continuing.filter((i) => shiftYears(project(i).name, year, dir) !== project(i).name));

  const otherNames = new Set<string>();
  const renamedTo = new Map<number, string>();
  const wantRenamed = countOf(n, YEAR_RATES.renamed, rnd);
  for (const i of continuing) {
    if (renamedTo.size >= wantRenamed) break;
    if (yearNamed.has(i)) continue;
    const to = renameOnce(project(i).name, dir, rnd);
    if (to && !base.projects.some((q) => q.name === to)) renamedTo.set(i, to);
  }
  const reissueable = (i: number) => {
    const code = project(i).code;
    return code !== null && isProjectCode(code) && (dir === 1 || yearOfCode(code) === year);
  };
  const reissued = new Set<number>();
  const wantReissued = countOf(n, YEAR_RATES.reissued, rnd);
  for (const i of continuing) {
    if (reissued.size >= wantReissued) break;
    if (!yearNamed.has(i) && !renamedTo.has(i) && reissueable(i)) reissued.add(i);
  }
  if (st.allowBoth > 0) {
    const both = continuing.find((i) => (yearNamed.has(i) || renamedTo.has(i)) && reissueable(i));
    if (both !== undefined) reissued.add(both);
  }

  const usedCodes = new Set(base.projects.flatMap((p) => (p.code ? [p.code] : [])));
  const usedNames = new Set(base.projects.map((p) => p.name));
  const pairs: ProjectPair[] = [];
  const projects: Project[] = [];
  base.projects.forEach((p, i) => {
    if (gone.has(i)) {
      pairs.push({ base: p, other: null, kind: dir === 1 ? 'dropped' : 'added', rows: [] });
      return;
    }
    const name = renamedTo.get(i) ?? shiftYears(p.name, year, dir);
    const code = reissued.has(i) && p.code ? newCode(p.code, p.code.slice(0, 6), otherYear, usedCodes, rnd) : p.code;
    const money = changeBudget(p, dir, rnd);
    const { rows, pairs: rowPairs } = changeIndicators(p, st);
    const other: Project = {
      seq: 0,
      unitCode: p.unitCode,
      unitName: p.unitName,
      code,
      name,
      budget: money.budget,
      purpose: shiftYears(p.purpose, year, dir),
      schedule: money.schedule,
      objectives: p.objectives.map((o) => shiftYears(o, year, dir)),
      indicators: rows,
      line: 0,
    };
    otherNames.add(name);
    const kind: YearProjectKind = code !== p.code ? 'reissued-code' : name !== p.name ? 'renamed' : 'same-code';
    projects.push(other);
    pairs.push({ base: p, other, kind, rows: rowPairs });
  });
  for (const name of otherNames) usedNames.add(name);
  const added = countOf(n, YEAR_RATES.added, rnd);
  for (let k = 0; k < added; k++) {
    const p = newProject(st, usedNames, usedCodes);
    projects.splice(rnd.int(0, projects.length), 0, p);
    pairs.push({ base: null, other: p, kind: dir === 1 ? 'added' : 'dropped', rows: [] });
  }
  projects.forEach((p, i) => {
    p.seq = i + 1;
  });
  const doc: TargetDocument = {
    file: yearFileName(base.department ?? '', otherYear, st.layout),
    year: otherYear,
    yearInferred: false,
    department: base.department,
    region: base.region,
    regionCode: base.regionCode,
    layout: st.layout,
    overall: shiftOverall(base.overall, year, dir),
    projects,
  };
  return { doc, pairs };
}

function pairTruth(st: Step, doc: TargetDocument, pairs: ProjectPair[]): YearPairTruth {
  const { base, dir } = st;
  const earlier = dir === 1 ? base : doc;
  const later = dir === 1 ? doc : base;
  const projects: YearProjectChange[] = [];
  const indicators: YearIndicatorChange[] = [];
  for (const pair of pairs) {
    const from = dir === 1 ? pair.base : pair.other;
    const to = dir === 1 ? pair.other : pair.base;
    projects.push({
      from: from ? from.seq : null,
      to: to ? to.seq : null,
      kind: pair.kind,
      budgetFrom: from ? from.budget.total : null,
      budgetTo: to ? to.budget.total : null,
    });
    if (!from || !to) continue;
    for (const r of pair.rows) {
      const row = (r.from ?? r.to) as Indicator;
      const occurrence = r.from
        ? occurrenceOf(from.indicators, r.from)
        : occurrenceOf(to.indicators, r.to as Indicator);
      indicators.push({
        fromSeq: from.seq,
        toSeq: to.seq,
        level3: row.level3,
        occurrence,
        from: r.from ? r.from.value.raw : null,
        to: r.to ? r.to.value.raw : null,
        change: r.change,
      });
    }
  }
  const key = (p: YearProjectChange) => p.from ?? 10_000 + (p.to ?? 0);
  projects.sort((a, b) => key(a) - key(b));
  indicators.sort((a, b) => a.fromSeq - b.fromSeq);
  return {
    department: base.department ?? '',
    fromYear: earlier.year as number,
    toYear: later.year as number,
    fromFile: earlier.file,
    toFile: later.file,
    projects,
    indicators,
  };
}

/**
 * Makes the previous (Y-1) and following (Y+1) documents of a department, and the truth of what
 * changed from previous to base and from base to following. Deterministic for `seed` (and the
 * base document's file name).
 * @param base a parsed real document with a known year and department
 */
export function generateYears(base: TargetDocument, seed: number, options: GenerateYearsOptions = {}): GeneratedYears {
  if (base.year === null) throw new Error(`generateYears: ${base.file} has no year`);
  if (!base.department) throw new Error(`generateYears: ${base.file} has no department`);
  if (!Number.isFinite(seed)) throw new Error(`generateYears: invalid seed ${seed}`);
  const rnd = createRandom(streamSeed(seed, base.file, 0));
  const layouts = options.layouts ?? [rnd.pick(YEAR_LAYOUTS), rnd.pick(YEAR_LAYOUTS)];
  const both = Math.max(0, Math.floor(options.renamedReissued ?? 1));
  const bothInFollowing = rnd.chance(0.5);
  const ownNames = new Set(base.projects.map((p) => p.name));
  const own = new Set(placesOf(base));
  const foreignPlaces = [
    ...new Set((options.others ?? []).flatMap(placesOf).filter((p) => ![...own].some((o) => o.includes(p)))),
  ];
  const pool = [
    ...new Set([
      ...VOCABULARY,
      ...(options.others ?? []).filter((d) => d !== base).flatMap((d) => d.projects.map((p) => p.name)),
    ]),
  ].filter((name) => !ownNames.has(name));
  const run = (dir: 1 | -1, stream: number, layout: YearLayout, allowBoth: number) => {
    const st: Step = {
      base,
      year: base.year as number,
      dir,
      rnd: createRandom(streamSeed(seed, base.file, stream)),
      pool: pool.length ? pool : VOCABULARY,
      foreignPlaces,
      allowBoth,
      layout,
    };
    const { doc, pairs } = step(st);
    return { doc, truth: pairTruth(st, doc, pairs) };
  };
  const prevBoth = both >= 2 || (both === 1 && !bothInFollowing) ? 1 : 0;
  const nextBoth = both >= 2 || (both === 1 && bothInFollowing) ? 1 : 0;
  const previous = run(-1, 1, layouts[0], prevBoth);
  const following = run(1, 2, layouts[1], nextBoth);
  return { previous: previous.doc, following: following.doc, truth: [previous.truth, following.truth] };
}

// ---------------------------------------------------------------------------------------------
// round-trip check

function indicatorKey(i: Indicator) {
  return {
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    description: i.description,
    value: { raw: i.value.raw, op: i.value.op, number: i.value.number, unit: i.value.unit, kind: i.value.kind },
    basis: i.basis,
  };
}

/** The fields of a project that must survive render + parse (everything but source lines). */
export function projectView(p: Project) {
  return {
    seq: p.seq,
    unitCode: p.unitCode,
    unitName: p.unitName,
    code: p.code,
    name: p.name,
    budget: { total: p.budget.total, fiscal: p.budget.fiscal, other: p.budget.other },
    purpose: p.purpose,
    schedule: { kind: p.schedule.kind, raw: [...p.schedule.raw], percent: [...p.schedule.percent] },
    objectives: [...p.objectives],
    indicators: p.indicators.map(indicatorKey),
  };
}

/**
 * Differences between a generated document and what `text` (its rendering) parses back to: department,
 * year, region, project count, and every field of `projectView`. Empty when the round trip is exact.
 */
export function roundTripProblems(doc: TargetDocument, text: string): string[] {
  const back = parseDocument(text, doc.file).document;
  const problems: string[] = [];
  for (const k of ['department', 'year', 'region'] as const)
    if (back[k] !== doc[k]) problems.push(`${k}: ${String(back[k])} ≠ ${String(doc[k])}`);
  if (back.projects.length !== doc.projects.length)
    problems.push(`projects: ${back.projects.length} ≠ ${doc.projects.length}`);
  doc.projects.forEach((p, i) => {
    const q = back.projects[i];
    const want = JSON.stringify(projectView(p));
    const got = q ? JSON.stringify(projectView(q)) : 'missing';
    if (want !== got)
      problems.push(`project ${p.seq} (${p.name}) differs: ${got.slice(0, 300)} ≠ ${want.slice(0, 300)}`);
  });
  return problems;
}
