import { labelKey } from './normalize';

/** 一级指标 labels. 成本指标 is level 1 in the 2021 variant (财预〔2021〕101号). */
export const LEVEL1_LABELS = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const;

/** 二级指标 → the 一级指标 it belongs to (DOMAIN.md, indicator taxonomy). */
export const LEVEL2_PARENT: Record<string, string> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  成本指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  服务对象满意度指标: '满意度指标',
  满意度指标: '满意度指标',
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
};

/**
 * `LEVEL2_PARENT` as a map: cells are looked up by the thousand, and a plain object would intern each
 * key (and answer for "constructor" and the like).
 */
const PARENTS = new Map(Object.entries(LEVEL2_PARENT));

/**
 * The first character of every 二级指标 label: text starting otherwise is told without being looked
 * up (a lookup hashes the text, and cells are asked about by the thousand).
 */
const LEVEL2_FIRSTS = new Set(Object.keys(LEVEL2_PARENT).map((l) => l.charCodeAt(0)));

/** The 一级指标 a canonical 二级指标 label belongs to, or undefined for any other text. */
export function level2Parent(label: string): string | undefined {
  return LEVEL2_FIRSTS.has(label.charCodeAt(0)) ? PARENTS.get(label) : undefined;
}

/** Every start of a 二级指标 label shorter than the label, of two characters or more. */
const LEVEL2_PREFIXES = new Set(
  Object.keys(LEVEL2_PARENT).flatMap((l) => Array.from({ length: l.length - 2 }, (_, i) => l.slice(0, i + 2))),
);

/** The canonical 二级指标 label for a cell ("社会效益指 标" → 社会效益指标, "数量" → 数量指标), or null. */
export function canonicalLevel2(cell: string): string | null {
  const k = labelKey(cell);
  if (k === '' || !LEVEL2_FIRSTS.has(k.charCodeAt(0))) return null;
  if (PARENTS.has(k)) return k;
  const withSuffix = `${k}指标`;
  if (PARENTS.has(withSuffix)) return withSuffix;
  return null;
}

/** True when `cell` could be the start of a 二级指标 label broken over lines ("可持续影响", "服务对象满"). */
export function isLevel2Prefix(cell: string): boolean {
  return isLevel2PrefixKey(labelKey(cell));
}

/** `isLevel2Prefix` for a cell's {@link labelKey}. */
export function isLevel2PrefixKey(key: string): boolean {
  return LEVEL2_FIRSTS.has(key.charCodeAt(0)) && LEVEL2_PREFIXES.has(key);
}

/** The canonical 一级指标 label for a cell, or null. */
export function canonicalLevel1(cell: string): string | null {
  const k = labelKey(cell);
  return isLevel1Key(k) ? k : null;
}

/** True when a cell's {@link labelKey} is a 一级指标 label. */
export function isLevel1Key(key: string): boolean {
  return (LEVEL1_LABELS as readonly string[]).includes(key);
}

/** True when the 一级指标 printed for a row agrees with its 二级指标 (cost is accepted under either level). */
export function level1Agrees(level1: string, level2: string): boolean {
  const parent = PARENTS.get(level2);
  if (!parent) return true;
  if (parent === level1) return true;
  return level1 === '成本指标' && (level2 === '成本指标' || parent === '成本指标');
}
