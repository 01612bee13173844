import { literal } from '../db/sql';
import {
  ADVERSE_KEYWORDS,
  containsAny,
  FAVOURABLE_KEYWORDS,
  GROWTH_KEYWORDS,
  PER_PERIOD_KEYWORDS,
  UNIT_COST_KEYWORDS,
} from './keywords';

/** SQL pieces shared by rules, over `indicators` (alias-free column names). */

/** A cost target: 成本指标 at level 2, or level 1 in the 2021 variant (经济/社会/生态环境成本指标). */
export const IS_COST = `(level2 = '成本指标' OR level1 = '成本指标' OR level2 LIKE '%成本指标')`;

/** The indicator's words: name and description. */
const WORDS = `(coalesce(level3, '') || ' ' || coalesce(description, ''))`;

export const IS_ADVERSE = containsAny(WORDS, ADVERSE_KEYWORDS, literal);
/** The cell that carries the adverse / favourable word: the name if it does, else the description. */
export const ADVERSE_CELL = `'“' || CASE WHEN ${containsAny('level3', ADVERSE_KEYWORDS, literal)} THEN level3 ELSE description END || '”'`;
export const FAVOURABLE_CELL = `'“' || CASE WHEN ${containsAny('level3', FAVOURABLE_KEYWORDS, literal)} THEN level3 ELSE description END || '”'`;
export const IS_FAVOURABLE = containsAny(WORDS, FAVOURABLE_KEYWORDS, literal);
export const IS_GROWTH = containsAny(WORDS, GROWTH_KEYWORDS, literal);
export const IS_UNIT_COST = `(${containsAny(WORDS, UNIT_COST_KEYWORDS, literal)} OR contains(coalesce(value_unit, ''), '/'))`;
export const IS_PER_PERIOD = containsAny(WORDS, PER_PERIOD_KEYWORDS, literal);

/** `“三级指标”` for messages. */
export const NAME = `'“' || level3 || '”'`;

/** `“指标值”` for messages. */
export const VALUE = `'“' || value_raw || '”'`;

/** A value in 万元 from a money value (元 → 万元), else NULL. */
export const VALUE_WAN = `CASE WHEN value_kind = 'money' THEN CASE WHEN starts_with(value_unit, '万元') THEN value_num WHEN starts_with(value_unit, '亿元') THEN value_num * 10000 WHEN starts_with(value_unit, '千元') THEN value_num / 10 WHEN starts_with(value_unit, '元') THEN value_num / 10000 END END`;

/** A normalised value for comparing targets: comparator, number and unit, or the words. */
export const VALUE_KEY = `CASE WHEN value_num IS NOT NULL THEN coalesce(comparator, '') || CAST(value_num AS VARCHAR) || coalesce(value_unit, '') ELSE value_raw END`;

/** A number for messages: at most two decimals, no trailing zeros (25 rather than 25.0). */
// The DECIMAL cast guarantees a decimal point, so only fraction zeros are trimmed (100.00 → 100).
export const num = (expr: string) =>
  `regexp_replace(CAST(CAST(round(${expr}, 2) AS DECIMAL(18, 2)) AS VARCHAR), '\\.?0+$', '')`;
