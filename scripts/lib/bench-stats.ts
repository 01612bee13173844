/** What the benchmarks share: rounding, quantiles and the shape of a query's latency figures. */

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The q-quantile of `xs` (nearest rank); 0 for no values. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number) : 0;
}

/** One query's latency: through the app's Db layer and on the bare connection. */
export interface Latency {
  /** Through the app's Db layer (Arrow answer turned into rows, as the views get them). */
  medianMs: number;
  p95Ms: number;
  /** The same SQL on the bare connection (Arrow answer only). */
  rawMedianMs: number;
  /** App ÷ raw, medians. */
  overhead: number;
  rows: number;
}
