/** Formats a possibly missing text cell. */
export function formatText(value: string | null, placeholder = '—'): string {
  return value === null || value.trim() === '' ? placeholder : value;
}

const NUMBER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });

/** Formats any query result cell as text (numbers grouped, lists joined, null as —). */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isFinite(value) ? NUMBER.format(value) : String(value);
  if (Array.isArray(value)) return value.map(formatCell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
