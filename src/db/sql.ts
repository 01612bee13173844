/**
 * The one place where SQL text is assembled from values: identifiers and literals are quoted here,
 * never by hand in views or stores.
 */

/** Quotes an identifier: `"` doubled, wrapped in `"`. Throws for a name with a NUL character (a programmer error). */
export function ident(name: string): string {
  if (name.includes('\u0000')) throw new Error(`invalid identifier: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A qualified name, each part quoted: `qualified('rules', 'cost_with_ge')` → `"rules"."cost_with_ge"`. */
export function qualified(...parts: string[]): string {
  return parts.map(ident).join('.');
}

/** A SQL literal for a JS value: strings quoted with `'` doubled, non-finite numbers and nullish as NULL. */
export function literal(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${value.split('\u0000').join('').replace(/'/g, "''")}'`;
}

/** `(v1, v2, …)` for an IN clause; `(NULL)` when empty so the clause matches nothing. */
export function literalList(values: readonly (string | number | null)[]): string {
  return values.length ? `(${values.map(literal).join(', ')})` : '(NULL)';
}
