import { toHalfWidth } from './normalize';
import type { WanYuan } from './types';

const AMOUNT = /^-?\d+(\.\d+)?$/;

/** Reads a money cell in 万元 ("41.77", "1,322.00", "6.00万元"); null unless the whole cell is an amount. */
export function parseWan(cell: string): WanYuan | null {
  // Most cells are a plain number already, which the normalisation below would leave as it is.
  const s = AMOUNT.test(cell) ? cell : toHalfWidth(cell).replace(/[\s,]/g, '').replace(/万元$/, '');
  if (!AMOUNT.test(s)) return null;
  // A run of digits too long for a number (a damaged cell) is no amount: Infinity would pass for one.
  const n = Number(s);
  return Number.isFinite(n) ? (n as WanYuan) : null;
}

/** Rounds to 2 decimals, the precision budgets are printed with. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Rounds to 6 decimals, to keep derived shares free of float noise. */
export function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
