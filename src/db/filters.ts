import { ident, literal } from './sql';

/** The shared filters as they reach SQL. */
export interface SqlFilters {
  year: number | null;
  region: string | null;
  department: string | null;
  severity?: 'high' | 'warning' | 'info' | null;
}

/**
 * A WHERE condition for the shared filters on a table or view with `year`, `region` and
 * `department` columns (and `severity` for findings), optionally qualified by `alias`.
 */
export function filterWhere(f: SqlFilters, alias?: string, withSeverity = false): string {
  const col = (c: string) => (alias ? `${ident(alias)}.${ident(c)}` : ident(c));
  const parts: string[] = [];
  if (f.year !== null) parts.push(`${col('year')} = ${literal(f.year)}`);
  if (f.region) parts.push(`${col('region')} = ${literal(f.region)}`);
  if (f.department) parts.push(`${col('department')} = ${literal(f.department)}`);
  if (withSeverity && f.severity) parts.push(`${col('severity')} = ${literal(f.severity)}`);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}
