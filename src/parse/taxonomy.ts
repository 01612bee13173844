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

const LEVEL2_KEYS = Object.keys(LEVEL2_PARENT);

/** The canonical 二级指标 label for a cell ("社会效益指 标" → 社会效益指标, "数量" → 数量指标), or null. */
export function canonicalLevel2(cell: string): string | null {
  const k = labelKey(cell);
  if (k === '') return null;
  if (LEVEL2_PARENT[k]) return k;
  const withSuffix = `${k}指标`;
  if (LEVEL2_PARENT[withSuffix]) return withSuffix;
  return null;
}

/** True when `cell` could be the start of a 二级指标 label broken over lines ("可持续影响", "服务对象满"). */
export function isLevel2Prefix(cell: string): boolean {
  const k = labelKey(cell);
  return k.length >= 2 && LEVEL2_KEYS.some((l) => l.startsWith(k) && l !== k);
}

/** The canonical 一级指标 label for a cell, or null. */
export function canonicalLevel1(cell: string): string | null {
  const k = labelKey(cell);
  return (LEVEL1_LABELS as readonly string[]).includes(k) ? k : null;
}

/** True when the 一级指标 printed for a row agrees with its 二级指标 (cost is accepted under either level). */
export function level1Agrees(level1: string, level2: string): boolean {
  const parent = LEVEL2_PARENT[level2];
  if (!parent) return true;
  if (parent === level1) return true;
  return level1 === '成本指标' && (level2 === '成本指标' || parent === '成本指标');
}
