const WAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Formats an amount in 万元 with two decimals and digit grouping; `placeholder` when null. */
export function formatWan(value: number | null, placeholder = '—'): string {
  return value === null || !Number.isFinite(value) ? placeholder : WAN.format(value);
}

/** Formats a possibly missing text cell. */
export function formatText(value: string | null, placeholder = '—'): string {
  return value === null || value.trim() === '' ? placeholder : value;
}
