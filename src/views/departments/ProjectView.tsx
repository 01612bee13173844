import { useStore } from 'zustand';
import { pct, wan } from '../../charts/format';
import { gradeOf } from '../../charts/grade';
import {
  projectFindingsQuery,
  projectIndicatorsQuery,
  projectQuery,
  projectScheduleQuery,
} from '../../db/queries-overview';
import { fill, type Messages } from '../../i18n';
import { hrefFor, navigate, store } from '../../store';
import { follow } from '../Nav';
import { severityLabel } from '../review/labels';
import { StatusMessage } from '../StatusMessage';
import { useQuery } from '../use-query';
import './pages.css';

interface ProjectRow extends Record<string, unknown> {
  project_id: string;
  doc_id: string;
  seq: number;
  name: string;
  code: string | null;
  unit_code: string | null;
  unit_name: string | null;
  department: string | null;
  year: number | null;
  budget_wan: number | null;
  fiscal_wan: number | null;
  other_wan: number | null;
  purpose: string;
  schedule_kind: string;
  objectives: string;
  score: number;
  siblings: string[];
}
interface ScheduleCell extends Record<string, unknown> {
  month: number;
  printed: string | null;
  share_pct: number | null;
}
interface IndicatorRow extends Record<string, unknown> {
  indicator_id: string;
  row_no: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  value_raw: string;
  basis: string;
}
interface FindingRow extends Record<string, unknown> {
  rule_id: string;
  severity: 'high' | 'warning' | 'info';
  title_zh: string;
  message: string;
  suggestion: string;
  source: string;
  indicator_id: string | null;
  row_no: number | null;
}

/** Which cell of an indicator row a rule points at. */
function flaggedCell(rule: string): 'value' | 'description' | 'basis' | 'level3' | 'row' {
  if (rule === 'description_equals_name') return 'description';
  if (rule === 'duplicate_indicator') return 'level3';
  if (rule === 'empty_cell' || rule === 'template_leftover') return 'row';
  return 'value';
}

/** Project-level rules by the part of the table they concern. */
function flaggedPart(rule: string): 'schedule' | 'budget' | 'objectives' | 'table' {
  if (rule.startsWith('schedule_')) return 'schedule';
  if (rule.startsWith('budget_') || rule === 'cost_above_budget') return 'budget';
  if (rule.startsWith('template_') || rule === 'same_objectives') return 'objectives';
  return 'table';
}

/** The project's 绩效目标表 drawn as in the document, flagged cells highlighted, findings beside. */
export function ProjectView({ t }: { t: Messages }) {
  const id = useStore(store, (s) => s.route.project);
  const project = useQuery<ProjectRow>(id ? projectQuery(id) : null);
  const schedule = useQuery<ScheduleCell>(id ? projectScheduleQuery(id) : null);
  const indicators = useQuery<IndicatorRow>(id ? projectIndicatorsQuery(id) : null);
  const findings = useQuery<FindingRow>(id ? projectFindingsQuery(id) : null);
  if (!id) return <p className="hint">{t.deptChoose}</p>;
  for (const q of [project, schedule, indicators, findings]) {
    if (q.status === 'error')
      return <StatusMessage kind="error" title={t.queryFailed} detail={`${q.error}\n\n${q.sql}`} />;
    if (q.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  }
  if (
    project.status !== 'ready' ||
    schedule.status !== 'ready' ||
    indicators.status !== 'ready' ||
    findings.status !== 'ready'
  )
    return null;
  const p = project.rows[0];
  if (!p) return <p className="empty">{t.noData}</p>;
  const fs = findings.rows;
  const numbered = fs.map((f, i) => ({ ...f, n: i + 1 }));
  const onRow = (indicatorId: string) => numbered.filter((f) => f.indicator_id === indicatorId);
  const onPart = (part: ReturnType<typeof flaggedPart>) =>
    numbered.filter((f) => f.indicator_id === null && flaggedPart(f.rule_id) === part);
  const marks = (list: typeof numbered) =>
    list.length ? (
      <span className="marks">
        {list.map((f) => (
          <a
            key={f.n}
            href={`#finding-${f.n}`}
            className={`mark sev-${f.severity}`}
            aria-label={`${t.prjFindings} ${f.n}: ${f.title_zh}`}
          >
            {f.n}
          </a>
        ))}
      </span>
    ) : null;
  const flag = (list: typeof numbered) => (list.length ? `flagged sev-${worst(list)}` : undefined);

  const siblings = p.siblings ?? [];
  const at = siblings.indexOf(p.project_id);
  const prev = at > 0 ? siblings[at - 1] : undefined;
  const next = at >= 0 && at < siblings.length - 1 ? siblings[at + 1] : undefined;
  const rows = indicators.rows;
  const span = (i: number, key: 'level1' | 'level2') => {
    if (i > 0 && rows[i - 1]?.[key] === rows[i]?.[key] && (key === 'level1' || rows[i - 1]?.level1 === rows[i]?.level1))
      return 0;
    let n = 1;
    while (rows[i + n]?.[key] === rows[i]?.[key] && (key === 'level1' || rows[i + n]?.level1 === rows[i]?.level1)) n++;
    return n;
  };
  const amounts = p.schedule_kind === 'amount';
  const schedParts = onPart('schedule');
  const budgetParts = onPart('budget');
  const objectiveParts = onPart('objectives');
  const tableParts = onPart('table');
  return (
    <div className="pages project" data-testid="project">
      <nav className="prj-nav" aria-label={t.deptProjects}>
        <a
          href={hrefFor({ view: 'departments', doc: p.doc_id, project: null })}
          onClick={(e) => follow(e, () => navigate({ view: 'departments', doc: p.doc_id, project: null }))}
        >
          ← {p.department}（{p.year}）
        </a>
        <span className="spacer" />
        {prev && (
          <a
            href={hrefFor({ project: prev })}
            onClick={(e) => follow(e, () => navigate({ project: prev }))}
            data-testid="prev-project"
          >
            ‹ {t.prjPrev}
          </a>
        )}
        {next && (
          <a
            href={hrefFor({ project: next })}
            onClick={(e) => follow(e, () => navigate({ project: next }))}
            data-testid="next-project"
          >
            {t.prjNext} ›
          </a>
        )}
      </nav>
      <div className="prj-layout">
        <section className="prj-sheet" aria-labelledby="prj-title">
          <h2 id="prj-title">
            {p.seq}.{p.name}
            {t.prjTable}
          </h2>
          <p className="prj-unit">
            <span>
              {p.unit_code} {p.unit_name}
            </span>
            <span>{t.prjUnit}</span>
            <span className={`grade grade-${gradeOf(p.score)}`}>
              {t.prjScore} {p.score}
            </span>
            {marks(tableParts)}
          </p>
          <table className="target-table" data-testid="target-table">
            <tbody>
              <tr>
                <th scope="row">{t.prjCode}</th>
                <td colSpan={2} className="code">
                  {p.code}
                </td>
                <th scope="row">{t.prjName}</th>
                <td colSpan={2}>{p.name}</td>
              </tr>
              <tr className={flag(budgetParts)}>
                <th scope="row" rowSpan={2}>
                  {t.prjBudgetRow}
                </th>
                <th scope="row">{t.prjTotal}</th>
                <td className="num">
                  {wan(p.budget_wan)}
                  {marks(budgetParts)}
                </td>
                <th scope="row">{t.prjFiscal}</th>
                <td className="num">{wan(p.fiscal_wan)}</td>
                <td>
                  {t.prjOther} {p.other_wan === null ? '' : wan(p.other_wan)}
                </td>
              </tr>
              <tr>
                <td colSpan={5}>{p.purpose}</td>
              </tr>
              <tr>
                <th scope="row" rowSpan={2}>
                  {t.prjSchedule}
                  {amounts && <span className="small">{t.prjAmounts}</span>}
                </th>
                {[t.month3, t.month6, t.month10, t.month12].map((m, i) => (
                  <th key={m} scope="col" colSpan={i === 3 ? 2 : 1}>
                    {m}
                  </th>
                ))}
              </tr>
              <tr className={flag(schedParts)} data-testid="schedule-row">
                {schedule.rows.map((s, i) => (
                  <td key={s.month} colSpan={i === 3 ? 2 : 1} className={s.printed === null ? 'num missing' : 'num'}>
                    {s.printed === null ? '—' : amounts ? `${s.printed}（${pct(s.share_pct)}）` : s.printed}
                    {i === 3 && marks(schedParts)}
                  </td>
                ))}
              </tr>
              <tr className={flag(objectiveParts)}>
                <th scope="row">{t.prjObjectives}</th>
                <td colSpan={5}>
                  <ol className="objectives">
                    {p.objectives
                      .split('\n')
                      .filter(Boolean)
                      .map((o, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: objectives are numbered by position
                        <li key={i}>{o}</li>
                      ))}
                  </ol>
                  {marks(objectiveParts)}
                </td>
              </tr>
              <tr className="ind-head">
                <th scope="col">{t.prjLevel1}</th>
                <th scope="col">{t.prjLevel2}</th>
                <th scope="col">{t.prjLevel3}</th>
                <th scope="col">{t.prjDescription}</th>
                <th scope="col">{t.prjValue}</th>
                <th scope="col">{t.prjBasis}</th>
              </tr>
              {rows.map((r, i) => {
                const here = onRow(r.indicator_id);
                const cell = (c: ReturnType<typeof flaggedCell>) => {
                  const list = here.filter((f) => flaggedCell(f.rule_id) === c || flaggedCell(f.rule_id) === 'row');
                  return { className: flag(list), marks: c === 'value' ? marks(here) : null };
                };
                const s1 = span(i, 'level1');
                const s2 = span(i, 'level2');
                return (
                  <tr key={r.indicator_id} data-row={r.row_no} className={here.length ? 'has-findings' : undefined}>
                    {s1 > 0 && <td rowSpan={s1}>{r.level1}</td>}
                    {s2 > 0 && <td rowSpan={s2}>{r.level2}</td>}
                    <td className={cell('level3').className}>{r.level3}</td>
                    <td className={cell('description').className}>{r.description}</td>
                    <td
                      className={`value ${cell('value').className ?? ''}`}
                      data-testid={here.length ? 'flagged-value' : undefined}
                    >
                      <bdi>{r.value_raw}</bdi>
                      {cell('value').marks}
                    </td>
                    <td className={cell('basis').className}>{r.basis}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <aside className="prj-findings" aria-labelledby="prj-findings-title" data-testid="project-findings">
          <h3 id="prj-findings-title">
            {t.prjFindings}（{fs.length}）
          </h3>
          {fs.length === 0 && <p className="empty">{t.prjNoFindings}</p>}
          <ol>
            {numbered.map((f) => (
              <li key={f.n} id={`finding-${f.n}`} className={`finding sev-${f.severity}`}>
                <p className="finding-head">
                  <span className="finding-n">{f.n}</span>
                  <span className={`sev sev-${f.severity}`}>{severityLabel(t, f.severity)}</span>
                  <strong>{f.title_zh}</strong>
                  <span className="where">
                    {f.row_no === null ? t.prjProjectLevel : fill(t.prjRow, { n: f.row_no + 1 })}
                  </span>
                </p>
                <p>{f.message}</p>
                <p className="small">
                  {t.prjSuggestion}：{f.suggestion}（{t.prjSource}：{f.source}）
                </p>
              </li>
            ))}
          </ol>
        </aside>
      </div>
    </div>
  );
}

function worst(list: { severity: 'high' | 'warning' | 'info' }[]): 'high' | 'warning' | 'info' {
  return list.some((f) => f.severity === 'high')
    ? 'high'
    : list.some((f) => f.severity === 'warning')
      ? 'warning'
      : 'info';
}
