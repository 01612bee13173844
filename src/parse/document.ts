import { DiagnosticSink } from './diagnostics';
import { detectLayout, splitLines } from './layouts';
import { cleanText, stripMarkers } from './normalize';
import { readOverall } from './part1';
import { regionCodeOf, yearOfCode } from './project-code';
import { readTables } from './table';
import type { Diagnostic, ParseResult, Project, TargetDocument } from './types';

const TITLE_YEAR = /(19|20)(\d{2})\s*年\s*度?\s*(部门|单位)?\s*(预算)?\s*(整体)?\s*绩效(文本|目标)/;
const REGION_RE = /^(.{2,8}?(?:自治县|自治州|县|市|区|旗))/;

function emptyDocument(file: string): TargetDocument {
  return {
    file,
    year: null,
    yearInferred: false,
    department: null,
    region: null,
    regionCode: null,
    layout: 'unknown',
    overall: { goal: '', subGoals: [], measures: [] },
    projects: [],
  };
}

/** Title page: "巨鹿县人民政府办公室 / 2024 年部门预算绩效文本 / (草案)", before Part 1 starts. */
function readTitle(lines: string[]): { year: number | null; department: string | null } {
  const head = lines.slice(0, 60);
  // Cleaned as they are read: the title is usually among the first few lines.
  const clean = (i: number) => cleanText((head[i] ?? '').replace(/^\s*#{1,6}\s+/, ''));
  for (let i = 0; i < head.length; i++) {
    const l = clean(i);
    if (/^第一部分/.test(l)) break;
    const m = TITLE_YEAR.exec(l);
    if (!m?.[1] || !m[2]) continue;
    const before = l.slice(0, m.index).trim();
    let department = before || null;
    for (let j = i - 1; department === null && j >= 0; j--) department = clean(j) || null;
    return { year: Number(m[1] + m[2]), department };
  }
  return { year: null, department: null };
}

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/** Year evidence when there is no title page: project code years and years in time targets. */
function inferYear(projects: Project[]): { year: number | null; evidence: string } {
  const fromCodes = projects.map((p) => yearOfCode(p.code)).filter((y): y is number => y !== null);
  const fromTargets: number[] = [];
  for (const p of projects)
    for (const ind of p.indicators) {
      if (ind.value.kind !== 'date') continue;
      const m = /(20\d{2})\s*年/.exec(ind.value.raw);
      if (m?.[1]) fromTargets.push(Number(m[1]));
    }
  const all = [...fromCodes, ...fromTargets];
  if (all.length === 0) return { year: null, evidence: '' };
  // (Reduced, not spread: `Math.max(...xs)` overflows the stack beyond ~100k arguments.)
  const latest = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  const year = latest(all);
  const codeMax = fromCodes.length ? latest(fromCodes) : null;
  const targetMax = fromTargets.length ? latest(fromTargets) : null;
  const parts = [
    codeMax !== null ? `项目编码年份最晚为 ${codeMax}` : '',
    targetMax !== null ? `时效指标中的年份最晚为 ${targetMax}` : '',
  ].filter(Boolean);
  return { year, evidence: parts.join('，') };
}

function parseUnsafe(text: string, file: string): ParseResult {
  const diag = new DiagnosticSink();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = splitLines(source);
  const layout = detectLayout(lines);
  const rows = layout.rows(source, lines);
  const projects = readTables(rows, layout.reader, diag);
  if (projects.length === 0)
    diag.add('error', 'NO_TABLES', '没有找到任何绩效目标表（项目编码/项目名称/指标表头）', null, null);
  const firstTableLine = projects[0]?.line ?? lines.length + 1;
  const partOne =
    layout.id === 'html'
      ? rows.filter((r) => r.line < firstTableLine).map((r) => r.cells.join(' '))
      : lines.slice(0, firstTableLine - 1);
  const overall = readOverall(partOne);
  if (!overall.goal && overall.subGoals.length === 0)
    diag.add('info', 'PART1_MISSING', '没有找到第一部分（总体绩效目标/分项绩效目标）', null, null);

  const title = readTitle(layout.id === 'html' ? partOne : lines.slice(0, 60).map(stripMarkers));
  let year = title.year;
  let yearInferred = false;
  if (year === null) {
    const inferred = inferYear(projects);
    year = inferred.year;
    yearInferred = year !== null;
    if (year !== null)
      diag.add('info', 'YEAR_INFERRED', `没有标题页，预算年度推断为 ${year}（${inferred.evidence}）`, null, null);
    else diag.add('warning', 'YEAR_UNKNOWN', '无法确定预算年度', null, null);
  }
  let department = title.department;
  if (department === null) {
    const unitName = mostCommon(projects.map((p) => p.unitName));
    department = unitName ? unitName.replace(/本级$/, '') : null;
    if (department)
      diag.add('info', 'DEPARTMENT_FROM_UNIT', `没有标题页，部门名称取自预算单位“${unitName}”`, null, null);
    else diag.add('warning', 'DEPARTMENT_UNKNOWN', '无法确定部门名称', null, null);
  }
  const region = department ? (REGION_RE.exec(department)?.[1] ?? null) : null;
  if (department && !region)
    diag.add('warning', 'REGION_UNKNOWN', `无法从部门名称“${department}”确定所属县市区`, null, null);
  const regionCode = mostCommon(projects.map((p) => regionCodeOf(p.code)));
  const seen = new Map<string, number>();
  for (const p of projects) {
    if (!p.code) continue;
    const first = seen.get(p.code);
    if (first !== undefined)
      diag.add(
        'warning',
        'CODE_DUPLICATE',
        `项目编码 ${p.code} 在第 ${first} 张表和第 ${p.seq} 张表重复出现`,
        p.line,
        p.seq,
      );
    else seen.set(p.code, p.seq);
  }
  const document: TargetDocument = {
    file,
    year,
    yearInferred,
    department,
    region,
    regionCode,
    layout: layout.id,
    overall,
    projects,
  };
  return { document, diagnostics: diag.items };
}

/**
 * Parses one 部门预算绩效文本 in any supported layout into its document and diagnostics.
 * Never throws on bad input: what cannot be read is reported as a diagnostic.
 * @param text the document's text
 * @param fileName shown in diagnostics and kept as `document.file`
 */
export function parseDocument(text: string, fileName: string): ParseResult {
  try {
    return parseUnsafe(typeof text === 'string' ? text : String(text ?? ''), fileName);
  } catch (err) {
    const diagnostic: Diagnostic = {
      severity: 'error',
      code: 'PARSER_FAILURE',
      message: `解析器内部错误：${err instanceof Error ? err.message : String(err)}`,
      line: null,
      project: null,
    };
    return { document: emptyDocument(fileName), diagnostics: [diagnostic] };
  }
}
