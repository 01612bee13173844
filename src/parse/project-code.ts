/**
 * 项目编码: 20-22 characters, digits 1-6 the region code (130529 = 巨鹿县), 7-8 the year the
 * project was set up (24 = 2024), letters possible in the middle (…P004T40…) and at the end.
 */

const CODE_RE = /^\d{8}[0-9A-Z]{10,16}$/;

/** Joins the pieces of a code split over lines or cells, dropping spaces. */
export function joinCode(pieces: string[]): string {
  return pieces
    .join('')
    .replace(/[\s\u00a0]+/g, '')
    .toUpperCase();
}

/** True when `code` has the shape of a 项目编码. */
export function isProjectCode(code: string): boolean {
  return CODE_RE.test(code);
}

/** The 6-digit region code of a project code, or null. */
export function regionCodeOf(code: string | null): string | null {
  return code && /^\d{6}/.test(code) ? code.slice(0, 6) : null;
}

/** The set-up year encoded in digits 7-8 of a project code (24 → 2024), or null. */
export function yearOfCode(code: string | null): number | null {
  if (!code || !/^\d{8}/.test(code)) return null;
  const yy = Number(code.slice(6, 8));
  return 2000 + yy;
}
