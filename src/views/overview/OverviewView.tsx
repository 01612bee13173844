import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { ECOption } from '../../charts/echarts';
import { count, pct, wan } from '../../charts/format';
import {
  budgetByDepartmentOption,
  budgetTreemapOption,
  type ChartText,
  indicatorMixOption,
  scheduleOption,
  scoreByDepartmentOption,
  topProblemsOption,
} from '../../charts/overview';
import {
  type BudgetRow,
  budgetByDepartmentQuery,
  budgetTreeQuery,
  type DepartmentRow,
  departmentsQuery,
  type Headline,
  headlineQuery,
  indicatorMixQuery,
  type MixRow,
  type ProblemRow,
  type QualityHeadline,
  qualityHeadlineQuery,
  type ScheduleRow,
  scheduleQuery,
  TOP_DEPARTMENTS,
  type TreeRow,
  topProblemsQuery,
} from '../../db/queries-overview';
import { fill, type Messages } from '../../i18n';
import { navigate, setFilters, store } from '../../store';
import { type ChartClick, EChart } from '../EChart';
import { StatusMessage } from '../StatusMessage';
import { isBusy, type QueryState, useQuery } from '../use-query';
import './overview.css';

/** Renders a query's pending and error states, or its rows through `children`. */
function Loaded<T>({ q, t, children }: { q: QueryState<T>; t: Messages; children: (rows: T[]) => React.ReactNode }) {
  const engineFailed = useStore(store, (s) => s.engine.status === 'error');
  if (q.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  // The page already says the engine failed; each chart need not repeat it.
  if (q.status === 'error' && engineFailed) return <p className="empty">{t.noData}</p>;
  if (q.status === 'error')
    return <StatusMessage kind="error" title={t.queryFailed} detail={`${q.error}\n\n${q.sql}`} />;
  if (q.rows.length === 0) return <p className="empty">{t.noData}</p>;
  return <>{children(q.rows)}</>;
}

function Card({
  title,
  note,
  children,
  wide,
}: {
  title: string;
  /** A line under the title (what part of the selection the chart shows). */
  note?: string | null;
  children: React.ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={`ov-card${wide ? ' wide' : ''}`} aria-label={title}>
      <h3>{title}</h3>
      {note && <p className="hint">{note}</p>}
      {children}
    </section>
  );
}

/** A chart's option from a query's rows, memoised on the rows and the labels (empty until there are rows). */
function useChartOption<T>(
  q: QueryState<T>,
  build: (rows: readonly T[], text: ChartText) => ECOption,
  text: ChartText,
): ECOption {
  const rows = q.status === 'ready' ? q.rows : null;
  return useMemo(() => (rows ? build(rows, text) : {}), [rows, build, text]);
}

/** The overview for leadership: headline figures and summary charts, readable on a projector. */
export function OverviewView({ t }: { t: Messages }) {
  const filters = useStore(store, (s) => s.filters);
  const locale = useStore(store, (s) => s.locale);
  const text: ChartText = useMemo(
    () => ({
      budget: t.chartBudget,
      score: t.chartScore,
      share: t.chartShare,
      evenPace: t.chartEvenPace,
      findings: t.chartFindings,
      indicators: t.chartIndicators,
      months: [t.month3, t.month6, t.month10, t.month12],
      locale,
    }),
    [t, locale],
  );
  // Until the engine has loaded the data, the precomputed summary draws the first figures and chart.
  const summary = useStore(store, (s) => (s.engine.status === 'ready' ? null : s.summary));
  const noFilters = filters.year === null && !filters.region && !filters.department;
  const early = <T,>(q: QueryState<T>, rows: T[] | undefined): QueryState<T> =>
    q.status !== 'ready' && summary && noFilters && rows ? { status: 'ready', rows } : q;
  const headlineLive = useQuery<Headline>(headlineQuery(filters));
  const headline = early(headlineLive, summary?.headline ? [summary.headline] : undefined);
  const quality = useQuery<QualityHeadline>(qualityHeadlineQuery(filters));
  const budgets = early(useQuery<BudgetRow>(budgetByDepartmentQuery(filters)), summary?.budgets);
  const departments = useQuery<DepartmentRow>(departmentsQuery(filters, 'score', TOP_DEPARTMENTS));
  const tree = useQuery<TreeRow>(budgetTreeQuery(filters));
  const schedule = useQuery<ScheduleRow>(scheduleQuery(filters));
  const mix = useQuery<MixRow>(indicatorMixQuery(filters));
  const problems = useQuery<ProblemRow>(topProblemsQuery(filters));

  const toggleDepartment = (e: ChartClick) => {
    const d = e.data as { department?: string } | undefined;
    if (!d?.department) return;
    setFilters({ department: filters.department === d.department ? null : d.department });
  };
  const onTreemap = (e: ChartClick) => {
    const node = e.data as { kind?: string; projectId?: string; region?: string; department?: string } | undefined;
    if (node?.kind === 'project' && node.projectId) navigate({ view: 'project', project: node.projectId });
    else if (node?.kind === 'department' && node.department)
      setFilters({ department: filters.department === node.department ? null : node.department });
    else if (node?.kind === 'region' && node.region)
      setFilters({ region: filters.region === node.region ? null : node.region, department: null });
  };
  const openProblem = (e: ChartClick) => {
    const d = e.data as ProblemRow | undefined;
    if (d?.rule_id) navigate({ view: 'review', rule: d.rule_id });
  };

  // Options are rebuilt only when their own rows or labels change, not whenever another query answers.
  const options = {
    budgets: useChartOption(budgets, budgetByDepartmentOption, text),
    departments: useChartOption(departments, scoreByDepartmentOption, text),
    tree: useChartOption(tree, budgetTreemapOption, text),
    schedule: useChartOption(schedule, scheduleOption, text),
    mix: useChartOption(mix, indicatorMixOption, text),
    problems: useChartOption(problems, topProblemsOption, text),
  };
  // Screen readers (and npm run bench) learn when every figure and chart shows the current filters.
  const busy = [headlineLive, quality, budgets, departments, tree, schedule, mix, problems].some(isBusy);
  const h = headline.status === 'ready' ? headline.rows[0] : undefined;
  // The bar charts show TOP_DEPARTMENTS of a larger selection, the treemap coarser tiles: say so.
  const topNote = (q: QueryState<unknown>, message: string) =>
    q.status === 'ready' && h && h.documents > q.rows.length
      ? fill(message, { shown: q.rows.length, n: count(h.documents) })
      : null;
  const treeLevel =
    tree.status === 'ready' && tree.rows[0] && tree.rows[0].project_id === null
      ? tree.rows[0].department === null
        ? t.ovTreeRegions
        : t.ovTreeDepartments
      : null;
  const treeNote = treeLevel && h ? fill(t.ovTreeLevel, { level: treeLevel, n: count(h.projects) }) : null;
  const qh = quality.status === 'ready' ? quality.rows[0] : undefined;
  const figures: [string, string, string][] = [
    ['budget', t.ovBudget, wan(h?.budget_wan)],
    ['departments', t.ovDepartments, count(h?.departments)],
    ['projects', t.ovProjects, count(h?.projects)],
    ['indicators', t.ovIndicators, count(h?.indicators)],
    ['score', t.ovScore, qh?.score === null || qh?.score === undefined ? '…' : String(qh.score)],
    ['high-share', t.ovHighShare, qh ? pct(qh.high_share_pct) : '…'],
  ];
  return (
    <div className="overview" data-testid="overview" aria-busy={busy}>
      <div className="ov-head">
        <h2>{t.ovTitle}</h2>
        <p className="hint">{t.ovClickHint}</p>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t.print}
        </button>
      </div>
      <dl className="ov-figures" data-testid="headline">
        {figures.map(([key, label, value]) => (
          <div key={key} className="ov-figure" data-figure={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="ov-grid">
        <Card title={t.ovBudgetByDept} note={topNote(budgets, t.ovTopBudgets)}>
          <Loaded q={budgets} t={t}>
            {(rows) => (
              <EChart
                option={options.budgets}
                label={t.ovBudgetByDept}
                height={Math.max(240, rows.length * 44 + 60)}
                onClick={toggleDepartment}
                testId="chart-budget-by-department"
                exportLabel={t.exportPng}
              />
            )}
          </Loaded>
        </Card>
        <Card title={t.ovScoreByDept} note={topNote(departments, t.ovTopWeakest)}>
          <Loaded q={departments} t={t}>
            {(rows) => (
              <EChart
                option={options.departments}
                label={t.ovScoreByDept}
                height={Math.max(240, rows.length * 44 + 60)}
                onClick={toggleDepartment}
                testId="chart-score-by-department"
                exportLabel={t.exportPng}
              />
            )}
          </Loaded>
        </Card>
        <Card title={t.ovBudgetTree} note={treeNote} wide>
          <Loaded q={tree} t={t}>
            {() => (
              <EChart
                option={options.tree}
                label={t.ovBudgetTree}
                height={420}
                onClick={onTreemap}
                testId="chart-treemap"
              />
            )}
          </Loaded>
        </Card>
        <Card title={t.ovSchedule}>
          <Loaded q={schedule} t={t}>
            {() => (
              <EChart
                option={options.schedule}
                label={t.ovSchedule}
                height={320}
                testId="chart-schedule"
                exportLabel={t.exportPng}
              />
            )}
          </Loaded>
        </Card>
        <Card title={t.ovMix}>
          <Loaded q={mix} t={t}>
            {() => (
              <EChart option={options.mix} label={t.ovMix} height={320} testId="chart-mix" exportLabel={t.exportPng} />
            )}
          </Loaded>
        </Card>
        <Card title={t.ovProblems} wide>
          <Loaded q={problems} t={t}>
            {(rows) => (
              <EChart
                option={options.problems}
                label={t.ovProblems}
                height={Math.max(240, rows.length * 34 + 60)}
                onClick={openProblem}
                testId="chart-problems"
                exportLabel={t.exportPng}
              />
            )}
          </Loaded>
        </Card>
      </div>
    </div>
  );
}
