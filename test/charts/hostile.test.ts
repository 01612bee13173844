/**
 * Every chart builder fed cell text that is markup, a `javascript:` link, bidi controls and a very
 * long word. ECharts renders a custom tooltip formatter's string as HTML, so each tooltip formatter
 * is called with the params ECharts passes it (item: `{ data, name, value }`, axis: a list of those)
 * and its output must hold no markup from the data. Labels are canvas text and keep the text as is.
 */
import { describe, expect, it } from 'vitest';
import { type ECOption, renderSvg } from '../../src/charts/echarts';
import { familyBudgetOption, spreadOption } from '../../src/charts/families';
import { esc } from '../../src/charts/format';
import {
  budgetByDepartmentOption,
  budgetTreemapOption,
  indicatorMixOption,
  scheduleOption,
  scoreByDepartmentOption,
  topProblemsOption,
} from '../../src/charts/overview';
import { buildResultChart } from '../../src/charts/result-chart';
import { yearBudgetOption } from '../../src/charts/years';
import type { BudgetRow, DepartmentRow, MixRow, ProblemRow, TreeRow } from '../../src/db/queries-overview';
import { CHART_TEXT } from '../util/chart-text';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const LINK = 'javascript:window.__pwned=3';
const RLO = '\u202e';
const LONG = 'W'.repeat(300);
const DEPT = `乐亭县${IMG}${RLO}机关`;
const PROJECT = `${SCRIPT}${LONG}`;
/** What a tooltip shows for a hostile text: the text itself, bidi controls dropped. */
const shown = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

const T = CHART_TEXT;

const BUDGET: BudgetRow = { doc_id: 'h', department: DEPT, region: '乐亭县', year: 2024, budget_wan: 20, projects: 2 };
const DEPARTMENT: DepartmentRow = { ...BUDGET, score: 47.8, findings: 3, high_findings: 1 };
const TREE: TreeRow[] = [
  { region: `乐亭县${LINK}`, department: DEPT, project_id: 'h#1', name: PROJECT, budget_wan: 20 },
  { region: `乐亭县${LINK}`, department: DEPT, project_id: 'h#2', name: LINK, budget_wan: 5 },
];
const MIX: MixRow = { level1: IMG, level2: `${SCRIPT}指标`, indicators: 4 };
const PROBLEM: ProblemRow = {
  rule_id: 'x',
  title_zh: `${IMG}问题`,
  title_en: `${IMG} problem`,
  severity: 'high',
  findings: 2,
  budget_wan: 20,
};

/** A formatter found in an option, with where it sits. */
interface Found {
  path: string;
  fn: (params: unknown) => unknown;
  /** True when ECharts renders its output as HTML (a tooltip's `formatter`). */
  html: boolean;
  /** The trigger of the tooltip it belongs to. */
  trigger: string | undefined;
}

/** Every function-valued `formatter` / `valueFormatter` in an option. */
function formatters(option: unknown, path = 'option', tooltip: { trigger?: string } | null = null): Found[] {
  if (Array.isArray(option)) return option.flatMap((x, i) => formatters(x, `${path}[${i}]`, tooltip));
  if (option === null || typeof option !== 'object') return [];
  const found: Found[] = [];
  for (const [key, value] of Object.entries(option)) {
    const inTooltip = key === 'tooltip' ? (value as { trigger?: string }) : tooltip;
    if (typeof value === 'function' && (key === 'formatter' || key === 'valueFormatter'))
      found.push({
        path: `${path}.${key}`,
        fn: value as Found['fn'],
        html: inTooltip !== null && key === 'formatter',
        trigger: inTooltip?.trigger,
      });
    else found.push(...formatters(value, `${path}.${key}`, inTooltip));
  }
  return found;
}

/** Every tooltip object in an option (the top-level one and each series'). */
function tooltips(option: unknown): Record<string, unknown>[] {
  if (Array.isArray(option)) return option.flatMap(tooltips);
  if (option === null || typeof option !== 'object') return [];
  return Object.entries(option).flatMap(([key, value]) =>
    key === 'tooltip' && typeof value === 'object' && value !== null
      ? [value as Record<string, unknown>]
      : tooltips(value),
  );
}

/** Tooltip HTML with the `<br/>` the builders write turned into newlines and character references decoded. */
function tooltipText(html: string): string {
  const text = html.replace(/<br\/>/g, '\n');
  expect(text, html).not.toMatch(/[<>]/);
  expect(text, html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  return text.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

interface Case {
  name: string;
  option: ECOption;
  /** Params of one hovered element, as ECharts passes them to item formatters and labels. */
  item: Record<string, unknown>;
  /** Hostile texts the tooltip of `item` shows. */
  shows: string[];
}

const CASES: Case[] = [
  {
    name: 'budgetByDepartmentOption',
    option: budgetByDepartmentOption([BUDGET], T),
    item: { data: BUDGET, name: DEPT, value: BUDGET },
    shows: [DEPT],
  },
  {
    name: 'scoreByDepartmentOption',
    option: scoreByDepartmentOption([DEPARTMENT], T),
    item: { data: DEPARTMENT, name: DEPT, value: DEPARTMENT },
    shows: [DEPT],
  },
  {
    name: 'budgetTreemapOption (project leaf)',
    option: budgetTreemapOption(TREE, T),
    item: { name: PROJECT, value: 20, data: { name: PROJECT, value: 20 } },
    shows: [PROJECT],
  },
  {
    name: 'budgetTreemapOption (link-like leaf)',
    option: budgetTreemapOption(TREE, T),
    item: { name: LINK, value: 5, data: { name: LINK, value: 5 } },
    shows: [LINK],
  },
  {
    name: 'scheduleOption',
    option: scheduleOption([{ month: 3, weighted_share_pct: 25, projects: 1 }], T),
    item: { name: '3月底', value: 25, data: 25, seriesName: T.share },
    shows: [],
  },
  {
    name: 'indicatorMixOption',
    option: indicatorMixOption([MIX]),
    item: { name: MIX.level2, value: 4, data: { name: MIX.level2, value: 4 } },
    shows: [MIX.level2],
  },
  {
    name: 'topProblemsOption',
    option: topProblemsOption([PROBLEM], T),
    item: { data: { ...PROBLEM, title: PROBLEM.title_zh }, name: PROBLEM.title_zh },
    shows: [PROBLEM.title_zh],
  },
  {
    name: 'familyBudgetOption',
    option: familyBudgetOption(
      [
        {
          project_id: 'h#1',
          department: DEPT,
          region: '乐亭县',
          year: 2024,
          seq: 1,
          name: PROJECT,
          budget_wan: 20,
          family_id: null,
          how: null,
          reason: null,
        },
      ],
      T.budget,
    ),
    item: { data: { label: `${DEPT}\n1. ${PROJECT}`, budget_wan: 20, project_id: 'h#1' } },
    shows: [DEPT, PROJECT],
  },
  {
    name: 'spreadOption',
    option: spreadOption(
      [{ department: DEPT, project_name: PROJECT, value_raw: `≥95%${IMG}`, value_num: 95, value_unit: '%' }],
      '%',
    ),
    item: {
      data: {
        value: [95, 0],
        row: { department: DEPT, project_name: PROJECT, value_raw: `≥95%${IMG}`, value_num: 95, value_unit: '%' },
      },
    },
    shows: [DEPT, PROJECT, `≥95%${IMG}`],
  },
  {
    name: 'yearBudgetOption',
    option: yearBudgetOption(
      [
        {
          department: DEPT,
          region: '乐亭县',
          from_doc: 'a',
          to_doc: 'b',
          from_budget_wan: 10,
          to_budget_wan: 20,
          budget_change_pct: 100,
          from_score: null,
          to_score: null,
          score_change: null,
          from_projects: 1,
          to_projects: 2,
        },
      ],
      `2023${IMG}`,
      '2024',
      T.budget,
    ),
    item: { data: { department: DEPT, from: 10, to: 20 }, seriesName: '2024', name: DEPT },
    shows: [DEPT, `2023${IMG}`],
  },
  {
    name: 'buildResultChart (bar)',
    option: buildResultChart([{ [IMG]: DEPT, n: 3 }], 'bar'),
    item: { data: [DEPT, 3], name: DEPT, value: [DEPT, 3], seriesName: 'n' },
    shows: [],
  },
  {
    name: 'buildResultChart (pie)',
    option: buildResultChart([{ name: DEPT, n: 3 }], 'pie'),
    item: { data: [DEPT, 3], name: DEPT, value: [DEPT, 3], seriesName: 'n' },
    shows: [],
  },
];

describe('charts fed hostile cell text (markup, javascript: links, bidi controls, long words)', () => {
  it('esc turns markup into character references and drops bidi controls', () => {
    expect(esc(`${IMG}${RLO}`)).toBe('&#60;img src=x onerror=&#34;window.__pwned=1&#34;&#62;');
    expect(esc(null)).toBe('');
  });

  for (const c of CASES) {
    it(`${c.name}: every tooltip formatter shows the data as text, never as markup`, () => {
      const found = formatters(c.option);
      for (const f of found.filter((x) => x.html)) {
        const out = f.fn(f.trigger === 'axis' ? [c.item] : c.item);
        expect(typeof out, f.path).toBe('string');
        const text = tooltipText(out as string);
        for (const s of c.shows) expect(text, f.path).toContain(shown(s));
      }
      // Tooltips without a custom formatter use ECharts' own markup, which escapes names and values.
      if (!found.some((x) => x.html)) expect(c.shows).toEqual([]);
    });

    it(`${c.name}: labels and value formatters return text; tooltips are confined and wrap long words`, () => {
      for (const f of formatters(c.option).filter((x) => !x.html)) {
        const arg = f.path.includes('axisLabel') ? 1234.5 : f.path.endsWith('valueFormatter') ? 25 : c.item;
        expect(typeof f.fn(arg), f.path).toBe('string');
      }
      const boxes = tooltips(c.option);
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        expect(typeof box.formatter === 'string', 'a string tooltip formatter is a template of HTML').toBe(false);
        expect(box).toMatchObject({ confine: true, extraCssText: expect.stringContaining('overflow-wrap: anywhere') });
      }
    });

    it(`${c.name}: renders to SVG with the text escaped`, () => {
      const svg = renderSvg(c.option);
      expect(svg).not.toMatch(/<(img|script)\b/i);
    });
  }

  it('the check can fail: an unescaped formatter output is caught', () => {
    expect(() => tooltipText(`${DEPT}<br/>20`)).toThrow();
  });
});
