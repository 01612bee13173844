import { qualified } from '../db/sql';

/**
 * Names and SQL pieces of the rules that the data layer's queries share with `install.ts` and
 * `review.ts` (a leaf module, so `src/db` can import it without an import cycle).
 */

/** Schema holding one view per rule and the catalogue table. */
export const RULES_SCHEMA = 'rules';

/** The rule catalogue table, quoted: `"rules"."catalog"`. */
export const CATALOG = qualified(RULES_SCHEMA, 'catalog');

/** Severity as a rank for sorting: 0 for high, 1 for warning, 2 for info. */
export function severityRank(column = 'severity'): string {
  return `CASE ${column} WHEN 'high' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 END`;
}
