/**
 * Text normalisation shared by every field reader: full-width forms, LaTeX leftovers,
 * extraction markers and the spaces PDF extraction puts around numbers.
 */

const FULL_WIDTH_MAP: Record<string, string> = {
  '％': '%',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '＋': '+',
  '－': '-',
  '．': '.',
  '，': '，',
  '／': '/',
  '：': '：',
  '　': ' ',
};

const FULL_WIDTH_RE = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (digits, letters, ％＞＜＝ …) to half-width; Chinese punctuation is kept. */
export function toHalfWidth(s: string): string {
  FULL_WIDTH_RE.lastIndex = 0;
  if (!FULL_WIDTH_RE.test(s)) return s;
  return s.replace(FULL_WIDTH_RE, (ch) => {
    const mapped = FULL_WIDTH_MAP[ch];
    if (mapped !== undefined) return mapped;
    const code = ch.charCodeAt(0);
    const isAlnum =
      (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
    return isAlnum ? String.fromCharCode(code - 0xfee0) : ch;
  });
}

const LATEX_REPLACEMENTS: [RegExp, string][] = [
  [/\\geqslant|\\geq|\\ge(?![a-z])/g, '≥'],
  [/\\leqslant|\\leq|\\le(?![a-z])/g, '≤'],
  [/\\%/g, '%'],
  [/\\times/g, '×'],
  [/\\sim/g, '~'],
  [/\\mathrm\{([^}]*)\}|\\text\{([^}]*)\}/g, '$1$2'],
];

/** Turns `$\geq 95\%$` into `≥ 95%`; other text is left alone. */
export function stripLatex(s: string): string {
  if (!s.includes('\\') && !s.includes('$')) return s;
  let out = s;
  for (const [re, rep] of LATEX_REPLACEMENTS) out = out.replace(re, rep);
  return out.replace(/\$([^$]{0,200})\$/g, '$1');
}

/** Removes `[bookmark: …]` markers of Word extraction and HTML-ish `<p>` tags inside cells. */
export function stripMarkers(s: string): string {
  if (!s.includes('[bookmark') && !s.includes('<')) return s;
  return s.replace(/\[bookmark:[^\]]*\]/g, '').replace(/<\/?(p|br|span|div|b|strong|i|em)\b[^>]*>/gi, ' ');
}

const NEEDS_CLEANING = /[\s$<[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00a0]/;
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’《》（）【】';
/** One CJK character or full-width form, or Chinese quotes and brackets: spaces next to these are dropped. */
export const CJK_CHAR = new RegExp(`[${CJK}]`);
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+|[ \\t\\u00a0]+(?=[${CJK}])`, 'g');

/**
 * Cleans a text cell: markers and LaTeX removed, whitespace collapsed, and the spaces that PDF
 * extraction leaves next to Chinese characters ("2023 年巨鹿", "24 小时") dropped.
 */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return stripLatex(stripMarkers(s))
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(SPACE_NEAR_CJK, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** Key for comparing labels: half-width, no whitespace, ASCII parentheses. */
export function labelKey(s: string): string {
  if (s.length < 40 && /^[\u4e00-\u9fff]*$/.test(s)) return s;
  return toHalfWidth(stripMarkers(s))
    .replace(/[\s\u00a0]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}
