/**
 * A quality rule: metadata an analyst can read, the DuckDB SQL that finds its cases, and examples
 * that must (and must not) be found, which the tests run on the real engine.
 */

/** Categories of faults, as in DOMAIN.md "What makes a target weak". */
export const CATEGORIES = [
  'boilerplate',
  'direction',
  'value-kind',
  'unmeasurable',
  'impossible',
  'placeholder',
  'budget',
  'no-information',
  'stale',
  'schedule',
  'completeness',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `high`: clearly wrong, send back; `warning`: weak, ask to revise; `info`: worth a look, counted. */
export type RuleSeverity = 'high' | 'warning' | 'info';

/** Where the rule's basis comes from: the Ministry of Finance guidance, or review practice. */
export type RuleSource = '财预〔2020〕10号' | '财预〔2021〕101号' | '中发〔2018〕34号' | '审核实践';

/** An indicator row of an example: 二级指标, 三级指标, 指标值, and optionally 描述, 依据, 一级指标. */
export interface ExampleIndicator {
  level2: string;
  level3: string;
  value: string;
  description?: string;
  basis?: string;
  level1?: string;
}

/** A project of an example. Budget in 万元; schedule cells as printed (null when not printed). */
export interface ExampleProject {
  name?: string;
  budget?: { total: number | null; fiscal?: number | null; other?: number | null };
  schedule?: (string | null)[];
  objectives?: string[];
  indicators?: ExampleIndicator[];
}

/** A small document for a rule's examples. */
export interface ExampleDocument {
  year?: number;
  projects: ExampleProject[];
}

export interface RuleExamples {
  /** Documents where the rule must find at least one case. */
  hits: ExampleDocument[];
  /** Documents where it must find none (correct targets, near misses). */
  misses: ExampleDocument[];
}

/**
 * What a rule's SQL returns, one row per finding: `doc_id` always; `project_id` and
 * `indicator_id` where the finding sits on a project or an indicator row (else NULL); and
 * `message`, in Chinese, saying exactly what is wrong and quoting the value.
 */
export interface Rule {
  id: string;
  category: Category;
  severity: RuleSeverity;
  source: RuleSource;
  title: { zh: string; en: string };
  /** Why this is a fault, citing the source (Chinese). */
  rationale: string;
  /** What the department should write instead (Chinese), used in review comments. */
  suggestion: string;
  sql: string;
  examples: RuleExamples;
}

/** Declares a rule; checks the id and category so a typo fails at load, with the value in the message. */
export function defineRule(rule: Rule): Rule {
  if (!/^[a-z][a-z0-9_]*$/.test(rule.id)) throw new Error(`invalid rule id: ${rule.id}`);
  if (!(CATEGORIES as readonly string[]).includes(rule.category))
    throw new Error(`invalid rule category: ${rule.category}`);
  return rule;
}
