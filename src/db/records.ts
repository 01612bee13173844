import { type ParseResult, SCHEDULE_MONTHS, toHalfWidth } from '../parse';
import { type ColumnType, TABLES, type TableName } from './schema';

export type Cell = string | number | boolean | null;
export type RecordRow = Record<string, Cell>;

/** Every table of the schema as plain rows, ready to become Arrow. */
export type Records = Record<TableName, RecordRow[]>;

/** Document id: the file name without its extension (made unique within one load). */
export function docIdOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || file;
}

/** Project id: `<doc_id>#<seq>`; indicator id: `<project_id>#<row_no>`. */
export function projectIdOf(docId: string, seq: number): string {
  return `${docId}#${seq}`;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Flattens parse results into the rows of every table (see `schema.ts`). Pure: the same code runs in
 * the ingest script and in the browser for documents parsed at run time.
 */
export function toRecords(results: readonly ParseResult[]): Records {
  const out: Records = {
    documents: [],
    projects: [],
    schedule: [],
    indicators: [],
    objectives: [],
    subgoals: [],
    measures: [],
    diagnostics: [],
  };
  const used = new Set<string>();
  for (const { document: d, diagnostics } of results) {
    let docId = docIdOf(d.file);
    for (let k = 2; used.has(docId); k++) docId = `${docIdOf(d.file)}~${k}`;
    used.add(docId);
    const scope = { doc_id: docId, year: d.year, region: d.region, department: d.department };
    /** The first project id of each printed number, for the diagnostics that name a project by number. */
    const seqIds = new Map<number, string>();
    const projectIds = new Set<string>();
    let indicatorCount = 0;
    let budget = 0;
    for (const p of d.projects) {
      let projectId = projectIdOf(docId, p.seq);
      for (let k = 2; projectIds.has(projectId); k++) projectId = `${projectIdOf(docId, p.seq)}~${k}`;
      projectIds.add(projectId);
      if (!seqIds.has(p.seq)) seqIds.set(p.seq, projectId);
      const ps = { project_id: projectId, ...scope, unit_code: p.unitCode, seq: p.seq };
      indicatorCount += p.indicators.length;
      budget += p.budget.total ?? 0;
      out.projects.push({
        ...ps,
        unit_name: p.unitName,
        code: p.code,
        name: p.name,
        budget_wan: p.budget.total,
        fiscal_wan: p.budget.fiscal,
        other_wan: p.budget.other,
        purpose: p.purpose,
        schedule_kind: p.schedule.kind,
        objectives: p.objectives.join('\n'),
        indicator_count: p.indicators.length,
        line: p.line,
      });
      SCHEDULE_MONTHS.forEach((month, i) => {
        const share = p.schedule.percent[i] ?? null;
        const printed = p.schedule.raw[i] ?? null;
        const amount =
          p.schedule.kind === 'amount' && printed !== null
            ? Number(toHalfWidth(printed).replace(/[^\d.]/g, ''))
            : share !== null && p.budget.total !== null
              ? round6((share / 100) * p.budget.total)
              : null;
        out.schedule.push({
          ...ps,
          month,
          printed,
          share_pct: share,
          amount_wan: amount !== null && Number.isFinite(amount) ? amount : null,
        });
      });
      p.indicators.forEach((ind, row) => {
        out.indicators.push({
          indicator_id: `${projectId}#${row}`,
          ...ps,
          row_no: row,
          level1: ind.level1,
          level2: ind.level2,
          level3: ind.level3,
          description: ind.description,
          value_raw: ind.value.raw,
          comparator: ind.value.op,
          value_num: ind.value.number,
          value_unit: ind.value.unit,
          value_kind: ind.value.kind,
          basis: ind.basis,
          line: ind.line,
        });
      });
      p.objectives.forEach((text, i) => {
        out.objectives.push({ ...ps, item_no: i + 1, text });
      });
    }
    d.overall.subGoals.forEach((g, i) => {
      out.subgoals.push({ ...scope, item_no: i + 1, title: g.title, goal: g.goal, indicators: g.indicators });
    });
    d.overall.measures.forEach((text, i) => {
      out.measures.push({ ...scope, item_no: i + 1, text });
    });
    for (const g of diagnostics)
      out.diagnostics.push({
        ...scope,
        severity: g.severity,
        code: g.code,
        message: g.message,
        line: g.line,
        seq: g.project,
        project_id: g.project !== null ? (seqIds.get(g.project) ?? null) : null,
      });
    out.documents.push({
      ...scope,
      file: d.file,
      year_inferred: d.yearInferred,
      region_code: d.regionCode,
      layout: d.layout,
      overall_goal: d.overall.goal,
      project_count: d.projects.length,
      indicator_count: indicatorCount,
      budget_wan: Math.round(budget * 100) / 100,
      error_count: diagnostics.filter((g) => g.severity === 'error').length,
      warning_count: diagnostics.filter((g) => g.severity === 'warning').length,
    });
  }
  return out;
}

const TYPE_CHECKS: Record<ColumnType, (v: unknown) => boolean> = {
  VARCHAR: (v) => typeof v === 'string',
  INTEGER: (v) => typeof v === 'number' && Number.isInteger(v),
  DOUBLE: (v) => typeof v === 'number' && Number.isFinite(v),
  BOOLEAN: (v) => typeof v === 'boolean',
};

/**
 * The records of one parse result, or null when it cannot be read as one: a value kept in the
 * browser that was damaged (or written by something else) either breaks `toRecords` or yields
 * values of the wrong type for their column, which the Arrow encoding would silently mangle.
 */
export function recordsOrNull(result: unknown): Records | null {
  let records: Records;
  try {
    records = toRecords([result as ParseResult]);
  } catch {
    return null;
  }
  for (const table of TABLES) {
    const checks = table.columns.map((c) => [c.name, TYPE_CHECKS[c.type]] as const);
    for (const row of records[table.name])
      for (const [name, check] of checks) {
        const value = row[name];
        if (value !== null && value !== undefined && !check(value)) return null;
      }
  }
  return records;
}
