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
export const FULL_WIDTH_CLASS = '％＞＜＝＋－．／\\u3000\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a';
const FULL_WIDTH_RE = new RegExp(`[${FULL_WIDTH_CLASS}]`, 'g');

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

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’《》（）【】';
/** One CJK character or full-width form, or Chinese quotes and brackets: spaces next to these are dropped. */
export const CJK_CHAR = new RegExp(`[${CJK}]`);

/**
 * Character classes, looked up by code unit: cells are tested by the hundred thousand, most of them a
 * few characters long, where a loop over a table is quicker than a pattern's call.
 */
const CHAR_CLASS = new Uint8Array(0x10000);
/** `\s` of patterns, which `trim` also removes. */
const SPACE = 1;
/** Space, tab, no-break space: the whitespace collapsed in runs without a line break. */
const BLANK = 2;
/** A character of {@link CJK_CHAR}. */
const WIDE = 4;
/** What `cleanText` changes: `[\s$<[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00a0]`. */
const CLEAN = 8;
/** What `labelKey` changes: whitespace, markers, full-width forms (brackets among them): `[\s\u00a0<[\uff01-\uff5e]`. */
const KEY = 16;
/** What `cleanText` removes besides whitespace: markers, LaTeX and invisible formatting characters. */
const MARK = 32;
/** Invisible formatting characters, removed from cells. */
const INVISIBLE_RANGES = [
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
] as const;
function addClass(bits: number, ranges: readonly (readonly [number, number])[]): void {
  for (const [from, to] of ranges) for (let c = from; c <= to; c++) CHAR_CLASS[c] = (CHAR_CLASS[c] ?? 0) | bits;
}
const one = (...chars: string[]) => chars.map((ch) => [ch.charCodeAt(0), ch.charCodeAt(0)] as const);
addClass(SPACE | CLEAN | KEY, [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
addClass(BLANK, one(' ', '\t', '\u00a0'));
// 《》【】 and （） are inside these ranges.
addClass(WIDE, [[0x3000, 0x303f], [0x3400, 0x9fff], [0xf900, 0xfaff], [0xff00, 0xffef], ...one('“', '”', '‘', '’')]);
addClass(CLEAN | MARK, [...one('$', '<', '['), ...INVISIBLE_RANGES]);
addClass(MARK, one('\\'));
addClass(KEY, [...one('<', '['), [0xff01, 0xff5e]]);

/** True when `s` holds a character of class `bits`. */
function hasClass(s: string, bits: number): boolean {
  for (let i = 0; i < s.length; i++) if (((CHAR_CLASS[s.charCodeAt(i)] ?? 0) & bits) !== 0) return true;
  return false;
}

/** True for whitespace (`\s` of patterns, which `trim` removes), by code unit. */
export function isWhitespace(c: number): boolean {
  return ((CHAR_CLASS[c] ?? 0) & SPACE) !== 0;
}

/** True when `s` holds whitespace (`/\s/.test(s)`). */
export function hasWhitespace(s: string): boolean {
  return hasClass(s, SPACE);
}

/** True when `s` is empty or only whitespace (`s.trim() === ''`, without making the trimmed string). */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}

/** True when `s` holds a space, a tab or a no-break space (`/[ \t\u00a0]/.test(s)`). */
export function hasBlank(s: string): boolean {
  return hasClass(s, BLANK);
}

const isBlankChar = (c: number) => ((CHAR_CLASS[c] ?? 0) & BLANK) !== 0;
const isCjk = (c: number) => ((CHAR_CLASS[c] ?? 0) & WIDE) !== 0;

/** What a run of whitespace `t[from, to)` becomes: one space, or none next to a CJK character. */
function spaceFor(t: string, from: number, to: number): string {
  return (from > 0 && isCjk(t.charCodeAt(from - 1))) || (to < t.length && isCjk(t.charCodeAt(to))) ? '' : ' ';
}

/**
 * Collapses whitespace as `t.replace(/\s*\n\s*|[ \t\u00a0]+/g, …)` would, without a callback per
 * run (cells are cleaned by the hundred thousand): a run of whitespace holding a line break is
 * replaced as a whole; in other runs each stretch of spaces, tabs and no-break spaces is.
 */
function collapseSpaces(t: string): string {
  let out = '';
  // Start of the text not yet copied to `out`.
  let copied = 0;
  for (let i = 0; i < t.length; ) {
    if (!isWhitespace(t.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    let lineBreak = t.charCodeAt(i) === 0x0a;
    for (; end < t.length && isWhitespace(t.charCodeAt(end)); end++) if (t.charCodeAt(end) === 0x0a) lineBreak = true;
    if (lineBreak) {
      out += t.slice(copied, i) + spaceFor(t, i, end);
      copied = end;
    } else
      for (let k = i; k < end; ) {
        if (!isBlankChar(t.charCodeAt(k))) {
          k++;
          continue;
        }
        let stop = k + 1;
        while (stop < end && isBlankChar(t.charCodeAt(stop))) stop++;
        out += t.slice(copied, k) + spaceFor(t, k, stop);
        copied = stop;
        k = stop;
      }
    i = end;
  }
  return copied === 0 ? t : out + t.slice(copied);
}

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Cleans a text cell: markers and LaTeX removed, whitespace collapsed, and the spaces that PDF
 * extraction leaves next to Chinese characters ("2023 年巨鹿", "24 小时") dropped.
 */
export function cleanText(s: string): string {
  if (!hasClass(s, CLEAN)) return s;
  // Most cells need their whitespace collapsed only.
  const t = hasClass(s, MARK) ? stripLatex(stripMarkers(s)).replace(INVISIBLE, '') : s;
  return collapseSpaces(t).trim();
}

/** Key for comparing labels: half-width, no whitespace, ASCII parentheses. */
export function labelKey(s: string): string {
  if (!hasClass(s, KEY)) return s;
  const k = toHalfWidth(stripMarkers(s)).replace(/[\s\u00a0]+/g, '');
  return k.includes('（') || k.includes('）') ? k.replace(/（/g, '(').replace(/）/g, ')') : k;
}
