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
  '／': '/',
  '　': ' ',
};

/**
 * The characters `toHalfWidth` changes: those of the map, full-width digits and letters. Chinese
 * punctuation (，：（）…), in nearly every line, is not matched, so most text is returned as it is.
 */
const FULL_WIDTH_RE = /[％＞＜＝＋－．／\u3000\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** Full-width ASCII (digits, letters, ％＞＜＝ …) to half-width; Chinese punctuation is kept. */
export function toHalfWidth(s: string): string {
  FULL_WIDTH_RE.lastIndex = 0;
  if (!FULL_WIDTH_RE.test(s)) return s;
  return s.replace(FULL_WIDTH_RE, (ch) => FULL_WIDTH_MAP[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
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
/**
 * A run of whitespace holding a line break, or of spaces and tabs: each is one space, or none next
 * to a CJK character. (Tried at a run's start, the first branch takes the whole run when it holds a
 * line break; each pattern is linear in the run's length.)
 */
const SPACE_RUN = /\s*\n\s*|[ \t\u00a0]+/g;

/**
 * Cleans a text cell: markers and LaTeX removed, whitespace collapsed, and the spaces that PDF
 * extraction leaves next to Chinese characters ("2023 年巨鹿", "24 小时") dropped.
 */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s;
  return stripLatex(stripMarkers(s))
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(SPACE_RUN, (run: string, at: number, text: string) =>
      CJK_CHAR.test(text.charAt(at - 1)) || CJK_CHAR.test(text.charAt(at + run.length)) ? '' : ' ',
    )
    .trim();
}

/** What `labelKey` changes: whitespace, markers, full-width forms (full-width brackets among them). */
const NEEDS_KEYING = /[\s\u00a0<[\uff01-\uff5e]/;

/** Key for comparing labels: half-width, no whitespace, ASCII parentheses. */
export function labelKey(s: string): string {
  if (!NEEDS_KEYING.test(s)) return s;
  const k = toHalfWidth(stripMarkers(s)).replace(/[\s\u00a0]+/g, '');
  return k.includes('（') || k.includes('）') ? k.replace(/（/g, '(').replace(/）/g, ')') : k;
}
