export { RULES } from './catalog';
export { CATEGORIES, type Category, defineRule, type ExampleDocument, type Rule, type RuleSeverity } from './define';
export { exampleResult } from './examples';
export {
  GRADE_SQL,
  grade,
  installRules,
  MAX_COUNTED_PER_RULE,
  PENALTY,
  RAW_FINDING_COLUMNS,
  refreshFindings,
  rulesFingerprint,
} from './install';
export { ADVERSE_KEYWORDS, FAVOURABLE_KEYWORDS, GROWTH_KEYWORDS, UNIT_COST_KEYWORDS } from './keywords';
export { CATALOG, RULES_SCHEMA, severityRank } from './names';
export {
  neutralizeFormula,
  REVIEW_HEADERS,
  type ReviewRow,
  reviewQuery,
  reviewTable,
  sheetName,
  toCsv,
  toXlsx,
} from './review';
