/**
 * The SQL console's guard: analyst SQL may read everything and change nothing.
 *
 * Three layers, each enough for what it covers:
 * 1. Every statement must start with a reading keyword ({@link READING_KEYWORDS}); SET, PRAGMA,
 *    ATTACH, COMMIT and the writing statements are refused before anything runs. (A read-only
 *    transaction does not stop `SET memory_limit`, which is global and would starve the dashboards.)
 * 2. Each statement is prepared on its own first: DuckDB refuses to prepare two statements at once,
 *    so a statement this splitter misread cannot smuggle a second one past the keyword check.
 * 3. Each statement runs in its own `BEGIN TRANSACTION READ ONLY … ROLLBACK` on a connection of its
 *    own: a write DuckDB finds inside (say `EXPLAIN ANALYZE DELETE …`) fails, and temporary tables
 *    and `USE` stay out of the dashboards' connection.
 * The last statement's answer is streamed and only the first `maxRows` rows are fetched, so
 * `SELECT * FROM range(1e9)` answers at once with a notice instead of filling the page's memory.
 */
import type { RecordBatch, Table } from 'apache-arrow';
import { arrowToRows, QueryError, type Row } from './db';

/** Keywords a console statement may start with: statements that only read. */
export const READING_KEYWORDS: ReadonlySet<string> = new Set([
  'SELECT',
  'WITH',
  'FROM',
  'VALUES',
  'TABLE',
  'DESCRIBE',
  'DESC',
  'SHOW',
  'SUMMARIZE',
  'EXPLAIN',
  'PIVOT',
  'UNPIVOT',
]);

/** A statement the console will not run, because it could change data or the engine's settings. */
export class ReadOnlyRefusal extends Error {
  override readonly name = 'ReadOnlyRefusal';

  /** @param keyword the statement's first word, upper case ('' when there is none) */
  constructor(
    readonly keyword: string,
    readonly statement: string,
  ) {
    super(`the SQL console only reads: ${keyword || 'this statement'} is not run`);
  }
}

/** The console's answer: the first rows, and whether there were more. */
export interface AnalystResult {
  columns: string[];
  rows: Row[];
  /** The statement returned more than `maxRows` rows; only the first `maxRows` were fetched. */
  truncated: boolean;
}

/** What the guard needs of a connection; the browser and the Node engine each provide one. */
export interface AnalystConnection {
  /** Runs a statement and returns its whole answer. */
  query(sql: string): Promise<Table>;
  /** Prepares `sql` and drops the prepared statement (rejects unless it is exactly one statement). */
  prepare(sql: string): Promise<void>;
  /** Runs `sql`, handing its answer over batch by batch as the engine produces it. */
  stream(sql: string): Promise<AsyncIterable<RecordBatch>>;
  /** Stops the statement being streamed; false when none was (see `Db.cancelAnalystQuery`). */
  cancel(): Promise<boolean>;
}

/** Length of the comment at `i` (0 if none). Block comments nest, as in DuckDB's (PostgreSQL's) scanner. */
function commentAt(sql: string, i: number): number {
  if (sql.startsWith('--', i)) {
    const end = sql.indexOf('\n', i);
    return (end < 0 ? sql.length : end + 1) - i;
  }
  if (!sql.startsWith('/*', i)) return 0;
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j - i;
    } else j++;
  }
  return sql.length - i;
}

/** Length of the quoted string or identifier at `i` (0 if none): '…' (also E'…'), "…" and $tag$…$tag$. */
function quotedAt(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'" || c === '"') {
    const escapes = c === "'" && (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !/\w/.test(sql[i - 2] ?? '');
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') j += 2;
      else if (sql[j] === c) {
        if (sql[j + 1] === c) j += 2;
        else return j + 1 - i;
      } else j++;
    }
    return sql.length - i;
  }
  if (c === '$') {
    const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))?.[0];
    if (!tag) return 0;
    const end = sql.indexOf(tag, i + tag.length);
    return (end < 0 ? sql.length : end + tag.length) - i;
  }
  return 0;
}

/** The statements of `sql`, split at semicolons outside strings, identifiers and comments; empty ones dropped. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const skip = commentAt(sql, i) || quotedAt(sql, i);
    if (skip) {
      i += skip;
      continue;
    }
    if (sql[i] === ';') {
      statements.push(sql.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  statements.push(sql.slice(start));
  return statements.filter((s) => skipTrivia(s, /\s/) < s.length);
}

/** Where the statement's text starts: after comments and characters matching `blank`. */
function skipTrivia(statement: string, blank: RegExp): number {
  let i = 0;
  while (i < statement.length) {
    const skip = commentAt(statement, i);
    if (skip) i += skip;
    else if (blank.test(statement[i] as string)) i++;
    else break;
  }
  return i;
}

/** The first word of a statement, upper case, after comments, white space and opening parentheses. */
export function leadingKeyword(statement: string): string {
  const i = skipTrivia(statement, /[\s(]/);
  return /^[A-Za-z_]+/.exec(statement.slice(i))?.[0]?.toUpperCase() ?? '';
}

/** The statements of `sql` if every one only reads; otherwise a {@link ReadOnlyRefusal} for the first that does not. */
export function readingStatements(sql: string): string[] {
  const statements = splitStatements(sql);
  for (const s of statements) {
    const keyword = leadingKeyword(s);
    if (!READING_KEYWORDS.has(keyword)) throw new ReadOnlyRefusal(keyword, s.trim());
  }
  return statements;
}

/**
 * Runs analyst SQL under the guard (see the module comment). Statements before the last run for
 * their errors only; the last one's first `maxRows` rows are returned.
 */
export async function runAnalystSql(conn: AnalystConnection, sql: string, maxRows: number): Promise<AnalystResult> {
  const statements = readingStatements(sql);
  let result: AnalystResult = { columns: [], rows: [], truncated: false };
  for (const [index, statement] of statements.entries()) {
    const last = index === statements.length - 1;
    await guarded(statement, () => conn.prepare(statement));
    await guarded('BEGIN TRANSACTION READ ONLY', () => conn.query('BEGIN TRANSACTION READ ONLY'));
    try {
      if (last) result = await guarded(statement, () => firstRows(conn, statement, maxRows));
      else await guarded(statement, () => conn.query(statement));
    } finally {
      await conn.query('ROLLBACK').catch(() => undefined);
    }
  }
  return result;
}

async function guarded<T>(sql: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw err instanceof QueryError ? err : new QueryError(sql, err);
  }
}

/**
 * Streams `sql` and keeps its first `maxRows` rows, converted batch by batch (the engine's batches
 * are of its own Arrow build, so they are read as they are, not joined into a table of ours).
 */
async function firstRows(conn: AnalystConnection, sql: string, maxRows: number): Promise<AnalystResult> {
  let columns: string[] | null = null;
  const rows: Row[] = [];
  let truncated = false;
  for await (const batch of await conn.stream(sql)) {
    columns ??= batch.schema.fields.map((f) => f.name);
    if (rows.length + batch.numRows > maxRows) truncated = true;
    rows.push(...arrowToRows(batch, maxRows - rows.length));
    if (truncated) break;
  }
  if (truncated) await conn.cancel();
  return { columns: columns ?? [], rows, truncated };
}
