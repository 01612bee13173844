import type { MessageKey, Messages } from '../../i18n';

type Severity = 'high' | 'warning' | 'info';

const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  high: 'severityHigh',
  warning: 'severityWarning',
  info: 'severityInfo',
};

const CATEGORY_KEYS: Record<string, MessageKey> = {
  boilerplate: 'reviewCatBoilerplate',
  direction: 'reviewCatDirection',
  'value-kind': 'reviewCatValueKind',
  unmeasurable: 'reviewCatUnmeasurable',
  impossible: 'reviewCatImpossible',
  placeholder: 'reviewCatPlaceholder',
  budget: 'reviewCatBudget',
  'no-information': 'reviewCatNoInformation',
  stale: 'reviewCatStale',
  schedule: 'reviewCatSchedule',
  completeness: 'reviewCatCompleteness',
};

/** 严重 / 一般 / 提示 (or the English words). */
export function severityLabel(t: Messages, severity: Severity): string {
  return t[SEVERITY_KEYS[severity]];
}

/** A rule category's name; an unknown category shows as its id. */
export function categoryLabel(t: Messages, category: string): string {
  const key = CATEGORY_KEYS[category];
  return key ? t[key] : category;
}
