/** The rule catalogue: one module per rule; adding a rule is one file here and one line below. */

import type { Rule } from '../define';
import adverseWithGe from './adverse-with-ge';
import boilerplateValueDepartment from './boilerplate-value-department';
import boilerplateValueLevel from './boilerplate-value-level';
import boilerplateValueProject from './boilerplate-value-project';
import budgetSumMismatch from './budget-sum-mismatch';
import costAboveBudget from './cost-above-budget';
import costAsRate from './cost-as-rate';
import costWithGe from './cost-with-ge';
import descriptionEqualsName from './description-equals-name';
import duplicateIndicator from './duplicate-indicator';
import emptyCell from './empty-cell';
import favourableWithLe from './favourable-with-le';
import identicalIndicatorSets from './identical-indicator-sets';
import missingCategory from './missing-category';
import outcomeQualitative from './outcome-qualitative';
import outputNotMeasurable from './output-not-measurable';
import percentOver100 from './percent-over-100';
import quantityAsPercent from './quantity-as-percent';
import sameBasisEverywhere from './same-basis-everywhere';
import sameObjectives from './same-objectives';
import sameScheduleEverywhere from './same-schedule-everywhere';
import satisfactionNotPercent from './satisfaction-not-percent';
import scheduleAmountNotBudget from './schedule-amount-not-budget';
import scheduleBackLoaded from './schedule-back-loaded';
import scheduleDecreasing from './schedule-decreasing';
import scheduleEmpty from './schedule-empty';
import scheduleMissingMonths from './schedule-missing-months';
import scheduleNot100 from './schedule-not-100';
import staleYear from './stale-year';
import templateLabel from './template-label';
import templateLeftover from './template-leftover';
import timelinessAsPercent from './timeliness-as-percent';
import unitCostVsBudget from './unit-cost-vs-budget';

export const RULES: readonly Rule[] = [
  adverseWithGe,
  boilerplateValueDepartment,
  boilerplateValueLevel,
  boilerplateValueProject,
  budgetSumMismatch,
  costAboveBudget,
  costAsRate,
  costWithGe,
  descriptionEqualsName,
  duplicateIndicator,
  emptyCell,
  favourableWithLe,
  identicalIndicatorSets,
  missingCategory,
  outcomeQualitative,
  outputNotMeasurable,
  percentOver100,
  quantityAsPercent,
  sameBasisEverywhere,
  sameObjectives,
  sameScheduleEverywhere,
  satisfactionNotPercent,
  scheduleAmountNotBudget,
  scheduleBackLoaded,
  scheduleDecreasing,
  scheduleEmpty,
  scheduleMissingMonths,
  scheduleNot100,
  staleYear,
  templateLabel,
  templateLeftover,
  timelinessAsPercent,
  unitCostVsBudget,
];
