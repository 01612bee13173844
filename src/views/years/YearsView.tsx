import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { pct, wan } from '../../charts/format';
import { yearBudgetOption } from '../../charts/years';
import {
  copiedTargetsQuery,
  type DepartmentChangeRow,
  departmentChangesQuery,
  type IndicatorDiffRow,
  indicatorDiffQuery,
  loweredTargetsQuery,
  type ProjectChangeRow,
  projectChangesQuery,
  type TargetChangeRow,
  type YearPairRow,
  type YearPick,
  yearPairsQuery,
} from '../../db/queries-years';
import { fill, type Messages } from '../../i18n';
import { loadDemoYears, navigate, setFilters, setYearThreshold, store, yearThreshold } from '../../store';
import { EChart } from '../EChart';
import { Loaded } from '../Loaded';
import { TableHead } from '../TableHead';
import { type QueryState, useQuery } from '../use-query';
import './years.css';

/** A signed change: "+12.5%", "−3.0". */
function signed(value: number | null, format: (v: number) => string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0);
}

/** Rows a target list shows before "show all". */
const LIST_ROWS = 15;

const CHANGE_KEY = {
  added: 'chAdded',
  removed: 'chRemoved',
  raised: 'chRaised',
  lowered: 'chLowered',
  unchanged: 'chUnchanged',
  changed: 'chChanged',
} as const;

function changeText(change: string, easier: boolean | null, t: Messages): string {
  const base = t[CHANGE_KEY[change as keyof typeof CHANGE_KEY] ?? 'chChanged'];
  return easier === null || easier === undefined ? base : `${base}${easier ? t.chEasier : t.chHarder}`;
}

/** 年度对比: a department's targets in two years, for auditors. */
export function YearsView({ t }: { t: Messages }) {
  const route = useStore(store, (s) => s.route);
  const filters = useStore(store, (s) => s.filters);
  const pairs = useQuery<YearPairRow>(yearPairsQuery());
  const rows = pairs.status === 'ready' ? pairs.rows : [];
  const years = [...new Set(rows.flatMap((r) => [r.from_year, r.to_year]))].sort((a, b) => b - a);
  const toYear = route.toYear ?? rows[0]?.to_year ?? null;
  const fromYear = route.fromYear ?? rows.find((r) => r.to_year === toYear)?.from_year ?? null;
  const pick: YearPick | null =
    fromYear !== null && toYear !== null && fromYear < toYear ? { fromYear, toYear, filters } : null;

  return (
    <div className="years" data-testid="years">
      <h2>{t.yrTitle}</h2>
      <p className="hint">{t.yrHint}</p>
      {pairs.status === 'ready' && rows.length === 0 ? (
        <NoPairs t={t} />
      ) : (
        <>
          <div className="yr-controls">
            <YearSelect
              label={t.yrFrom}
              testId="year-from"
              years={years}
              value={fromYear}
              onChange={(y) => navigate({ fromYear: y, toYear })}
            />
            <YearSelect
              label={t.yrTo}
              testId="year-to"
              years={years}
              value={toYear}
              onChange={(y) => navigate({ toYear: y, fromYear })}
            />
            <Threshold t={t} />
          </div>
          {pick ? <Comparison t={t} pick={pick} selected={route.project} /> : <p className="empty">{t.noData}</p>}
        </>
      )}
    </div>
  );
}

function YearSelect(props: {
  label: string;
  testId: string;
  years: number[];
  value: number | null;
  onChange: (year: number) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      >
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The name-similarity threshold: applied when the slider is released (matching runs again). */
function Threshold({ t }: { t: Messages }) {
  const current = useStore(store, (s) => s.route.threshold) ?? yearThreshold();
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  const apply = () => {
    if (value !== current) void setYearThreshold(value);
  };
  return (
    <label title={t.yrThresholdHint}>
      {t.yrThreshold}{' '}
      <input
        type="range"
        min={0.3}
        max={1}
        step={0.05}
        value={value}
        data-testid="year-threshold"
        onChange={(e) => setValue(Number(e.currentTarget.value))}
        onPointerUp={apply}
        onKeyUp={apply}
        onBlur={apply}
      />{' '}
      <output>{value.toFixed(2)}</output>
    </label>
  );
}

function NoPairs({ t }: { t: Messages }) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setLoading(true);
    setError(null);
    loadDemoYears()
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setLoading(false));
  };
  return (
    <div className="yr-empty">
      <p>{t.yrNoPairs}</p>
      <button type="button" onClick={load} disabled={loading} data-testid="load-demo-years">
        {loading ? t.yrDemoLoading : t.yrDemo}
      </button>
      <p className="hint">{t.yrDemoHint}</p>
      {error && (
        <p className="status status-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Comparison({ t, pick, selected }: { t: Messages; pick: YearPick; selected: string | null }) {
  const departments = useQuery<DepartmentChangeRow>(departmentChangesQuery(pick));
  const projects = useQuery<ProjectChangeRow>(projectChangesQuery(pick));
  const lowered = useQuery<TargetChangeRow>(loweredTargetsQuery(pick));
  const copied = useQuery<TargetChangeRow>(copiedTargetsQuery(pick));
  const from = String(pick.fromYear);
  const to = String(pick.toYear);
  const chosen =
    projects.status === 'ready' ? projects.rows.find((p) => (p.to_project ?? p.from_project) === selected) : undefined;
  return (
    <>
      <section aria-labelledby="yr-dept-title">
        <h3 id="yr-dept-title">{t.yrDepartments}</h3>
        <Loaded q={departments} t={t}>
          {(rows) => (
            <>
              <EChart
                option={yearBudgetOption(rows, from, to, t.budget)}
                label={t.yrBudgetChart}
                height={Math.max(160, rows.length * 56 + 60)}
                testId="chart-year-budget"
                exportLabel={t.exportPng}
                onClick={(e) => {
                  const department = (e.data as { department?: string } | undefined)?.department;
                  if (department) setFilters({ department });
                }}
              />
              <table className="data" data-testid="year-departments">
                <TableHead
                  columns={[
                    t.department,
                    { label: `${t.yrBudgetIn} ${from}`, num: true },
                    { label: `${t.yrBudgetIn} ${to}`, num: true },
                    { label: t.yrChange, num: true },
                    { label: `${t.yrScoreIn} ${from}`, num: true },
                    { label: `${t.yrScoreIn} ${to}`, num: true },
                    { label: t.yrScoreChange, num: true },
                  ]}
                />
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.from_doc}>${r.to_doc}`} data-department={r.department}>
                      <th scope="row">{r.department}</th>
                      <td className="num">{wan(r.from_budget_wan)}</td>
                      <td className="num">{wan(r.to_budget_wan)}</td>
                      <td className="num" data-col="budget-change">
                        {signed(r.budget_change_pct === null ? null : r.budget_change_pct * 100, pct)}
                      </td>
                      <td className="num">{r.from_score ?? '—'}</td>
                      <td className="num">{r.to_score ?? '—'}</td>
                      <td className="num" data-col="score-change">
                        {signed(r.score_change, (v) => v.toFixed(1))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Loaded>
      </section>
      <TargetList
        id="yr-lowered"
        title={t.yrLowered}
        hint={t.yrLoweredHint}
        q={lowered}
        t={t}
        from={from}
        to={to}
        testId="year-lowered"
      />
      <TargetList
        id="yr-copied"
        title={t.yrCopied}
        hint={t.yrCopiedHint}
        q={copied}
        t={t}
        from={from}
        to={to}
        testId="year-copied"
      />
      <section aria-labelledby="yr-projects-title">
        <h3 id="yr-projects-title">{t.yrProjects}</h3>
        <Loaded q={projects} t={t}>
          {(rows) => <ProjectTable rows={rows} t={t} selected={selected} from={from} to={to} />}
        </Loaded>
      </section>
      <section aria-labelledby="yr-diff-title" data-testid="year-diff">
        <h3 id="yr-diff-title">{t.yrDiff}</h3>
        {chosen ? <IndicatorDiff t={t} row={chosen} from={from} to={to} /> : <p className="hint">{t.yrDiffChoose}</p>}
      </section>
    </>
  );
}

function TargetList(props: {
  id: string;
  title: string;
  hint: string;
  q: QueryState<TargetChangeRow>;
  t: Messages;
  from: string;
  to: string;
  testId: string;
}) {
  const { id, title, hint, q, t, from, to, testId } = props;
  const [all, setAll] = useState(false);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>
        {title}
        {q.status === 'ready' && <span className="badge">{q.rows.length}</span>}
      </h3>
      <p className="hint">{hint}</p>
      <Loaded q={q} t={t}>
        {(rows) => (
          <table className="data" data-testid={testId}>
            <TableHead
              columns={[
                t.department,
                t.name,
                t.prjLevel3,
                `${t.yrValueIn} ${from}`,
                `${t.yrValueIn} ${to}`,
                { label: `${t.yrBudgetIn} ${from}`, num: true },
                { label: `${t.yrBudgetIn} ${to}`, num: true },
              ]}
            />
            <tbody>
              {(all ? rows : rows.slice(0, LIST_ROWS)).map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an indicator may repeat within a project
                <tr key={i}>
                  <td>{r.department}</td>
                  <td>
                    <a
                      href={`?view=years&project=${encodeURIComponent(r.to_project)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ project: r.to_project });
                      }}
                    >
                      {r.project_name}
                    </a>
                  </td>
                  <td>{r.level3}</td>
                  <td>{r.from_value}</td>
                  <td className="changed">{r.to_value}</td>
                  <td className="num">{wan(r.from_budget_wan)}</td>
                  <td className="num">{wan(r.to_budget_wan)}</td>
                </tr>
              ))}
            </tbody>
            {rows.length > LIST_ROWS && (
              <tfoot>
                <tr>
                  <td colSpan={7}>
                    <button type="button" onClick={() => setAll(!all)} aria-expanded={all}>
                      {all ? t.hide : fill(t.yrShowAll, { n: rows.length })}
                    </button>
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
        )}
      </Loaded>
    </section>
  );
}

function matchText(r: ProjectChangeRow, t: Messages): string {
  switch (r.method) {
    case 'code':
      return t.yrByCode;
    case 'stable-code':
      return t.yrByStable;
    case 'name':
      return fill(t.yrByName, { p: `${Math.round((r.confidence ?? 0) * 100)}%` });
    case 'new':
      return t.yrNew;
    default:
      return t.yrGone;
  }
}

function ProjectTable(props: {
  rows: ProjectChangeRow[];
  t: Messages;
  selected: string | null;
  from: string;
  to: string;
}) {
  const { rows, t, selected, from, to } = props;
  return (
    <table className="data yr-projects" data-testid="year-projects">
      <TableHead
        columns={[
          t.department,
          `${t.name} ${from}`,
          `${t.name} ${to}`,
          t.yrMatch,
          { label: `${t.yrBudgetIn} ${from}`, num: true },
          { label: `${t.yrBudgetIn} ${to}`, num: true },
          { label: t.yrChange, num: true },
          t.yrTargetsChanged,
        ]}
      />
      <tbody>
        {rows.map((r) => {
          const id = r.to_project ?? r.from_project ?? '';
          return (
            <tr
              key={`${r.from_project}>${r.to_project}`}
              data-method={r.method}
              data-project={id}
              aria-selected={selected === id}
              className={selected === id ? 'selected' : undefined}
            >
              <td>{r.department}</td>
              <td>{r.from_name ?? '—'}</td>
              <td>
                <a
                  href={`?view=years&project=${encodeURIComponent(id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ project: id });
                  }}
                >
                  {r.to_name ?? r.from_name}
                </a>
              </td>
              <td className={`method-${r.method}`}>{matchText(r, t)}</td>
              <td className="num">{wan(r.from_budget_wan)}</td>
              <td className="num">{wan(r.to_budget_wan)}</td>
              <td className="num">{signed(r.budget_change_pct === null ? null : r.budget_change_pct * 100, pct)}</td>
              <td>
                {r.raised > 0 && <span className="chip harder">{fill(t.yrRaisedCount, { n: r.raised })}</span>}
                {r.lowered > 0 && <span className="chip easier">{fill(t.yrLoweredCount, { n: r.lowered })}</span>}
                {r.copied > 0 && <span className="chip">{fill(t.yrCopiedCount, { n: r.copied })}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A matched project's indicators in both years, changed cells marked. */
function IndicatorDiff({ t, row, from, to }: { t: Messages; row: ProjectChangeRow; from: string; to: string }) {
  const q = useQuery<IndicatorDiffRow>(indicatorDiffQuery(row.from_project, row.to_project));
  return (
    <>
      <p>
        <strong>{row.to_name ?? row.from_name}</strong> · {matchText(row, t)} · {row.from_code ?? '—'} →{' '}
        {row.to_code ?? '—'}
      </p>
      <Loaded q={q} t={t}>
        {(rows) => (
          <table className="data yr-diff" data-testid="year-diff-table">
            <TableHead
              columns={[
                t.prjLevel1,
                t.prjLevel2,
                t.prjLevel3,
                `${t.yrValueIn} ${from}`,
                `${t.yrValueIn} ${to}`,
                t.yrChange,
              ]}
            />
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an indicator may repeat within a project
                <tr key={i} data-change={r.change} className={`change-${r.change}`}>
                  <td>{r.level1}</td>
                  <td>{r.level2}</td>
                  <td>{r.level3}</td>
                  <td className={r.change !== 'unchanged' ? 'old' : undefined}>{r.from_value ?? '—'}</td>
                  <td className={r.change !== 'unchanged' ? 'changed' : undefined}>{r.to_value ?? '—'}</td>
                  <td>{changeText(r.change, r.easier, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
