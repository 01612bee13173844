const WAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INT = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** An amount in 万元 with two decimals ("1,322.00"); "—" for null. */
export function wan(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : WAN.format(value);
}

/** A count with digit grouping. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : INT.format(value);
}

/** A share in percent with one decimal ("42.5%"). */
export function pct(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : `${(Math.round(value * 10) / 10).toString()}%`;
}

/** A unit cost in 万元: two decimals, or four below 0.1 ("0.0500") so small costs do not read as 0. */
export function unitCost(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value >= 0.1 ? wan(value) : value.toFixed(4);
}

/** Bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Cell text for ECharts' HTML tooltips, which render a custom formatter's string as markup: `& < > " '`
 * become character references, so data is always shown as text. Bidi controls are dropped: an
 * unterminated override in a name would reverse the numbers after it in the same tooltip. The data
 * itself keeps them (DOMAIN.md: keep what is printed); tables isolate them with CSS (app.css).
 */
export function esc(s: string | null | undefined): string {
  return String(s ?? '')
    .replace(BIDI_CONTROLS, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
