import { useStore } from 'zustand';
import { pct, wan } from '../../charts/format';
import { gradeOf } from '../../charts/grade';
import {
  type DepartmentRow,
  type DeptProjectRow,
  departmentProjectsQuery,
  departmentsQuery,
} from '../../db/queries-overview';
import { fill, type Messages } from '../../i18n';
import { hrefFor, navigate, store } from '../../store';
import { follow } from '../Nav';
import { StatusMessage } from '../StatusMessage';
import { useQuery } from '../use-query';
import './pages.css';
import { TableHead } from '../TableHead';

/** Departments (one row per document) and the chosen department's projects. */
export function DepartmentsView({ t }: { t: Messages }) {
  const filters = useStore(store, (s) => s.filters);
  const doc = useStore(store, (s) => s.route.doc);
  const depts = useQuery<DepartmentRow>(departmentsQuery(filters, 'score'));
  if (depts.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  if (depts.status === 'error')
    return <StatusMessage kind="error" title={t.queryFailed} detail={`${depts.error}\n\n${depts.sql}`} />;
  const chosen = depts.rows.find((d) => d.doc_id === doc) ?? null;
  return (
    <div className="pages" data-testid="departments">
      <h2>{t.deptTitle}</h2>
      <table className="data" data-testid="department-table">
        <caption>{t.deptList}</caption>
        <TableHead
          columns={[
            t.colDepartment,
            t.colRegion,
            t.colYear,
            { label: t.colBudget, num: true },
            { label: t.colProjects, num: true },
            { label: t.colScore, num: true },
            t.colGrade,
            { label: t.colFindings, num: true },
          ]}
        />
        <tbody>
          {depts.rows.map((d) => (
            <tr key={d.doc_id} className={d.doc_id === doc ? 'selected' : undefined} data-doc={d.doc_id}>
              <th scope="row">
                <a
                  href={hrefFor({ view: 'departments', doc: d.doc_id })}
                  onClick={(e) => follow(e, () => navigate({ doc: d.doc_id }))}
                >
                  {d.department}
                </a>
              </th>
              <td>{d.region}</td>
              <td>{d.year}</td>
              <td className="num">{wan(d.budget_wan)}</td>
              <td className="num">{d.projects}</td>
              <td className="num" data-col="score">
                {d.score}
              </td>
              <td>
                <span className={`grade grade-${gradeOf(d.score)}`}>{gradeOf(d.score)}</span>
              </td>
              <td className="num">{d.findings}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {chosen ? <DepartmentProjects t={t} dept={chosen} /> : <p className="hint">{t.deptChoose}</p>}
    </div>
  );
}

function DepartmentProjects({ t, dept }: { t: Messages; dept: DepartmentRow }) {
  const q = useQuery<DeptProjectRow>(departmentProjectsQuery(dept.doc_id));
  if (q.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  if (q.status === 'error')
    return <StatusMessage kind="error" title={t.queryFailed} detail={`${q.error}\n\n${q.sql}`} />;
  return (
    <section aria-labelledby="dept-projects">
      <h3 id="dept-projects">
        {dept.department}（{dept.year}）· {t.deptProjects}
      </h3>
      <table className="data" data-testid="project-list">
        <TableHead
          columns={[
            { label: t.seq, num: true },
            t.colName,
            { label: t.colBudget, num: true },
            t.colSchedule,
            { label: t.colScore, num: true },
            { label: t.colFindings, num: true },
            { label: t.colHigh, num: true },
          ]}
        />
        <tbody>
          {q.rows.map((p) => (
            <tr key={p.project_id} data-project={p.project_id}>
              <td className="num">{p.seq}</td>
              <th scope="row">
                <a
                  href={hrefFor({ view: 'project', project: p.project_id })}
                  onClick={(e) => follow(e, () => navigate({ view: 'project', project: p.project_id }))}
                >
                  {p.name}
                </a>
              </th>
              <td className="num">{wan(p.budget_wan)}</td>
              <td>
                <ScheduleBar values={[p.m3, p.m6, p.m10, p.m12]} label={fill(t.prjRow, { n: p.seq })} />
              </td>
              <td className="num">
                <span className={`grade grade-${gradeOf(p.score)}`}>{p.score}</span>
              </td>
              <td className="num">{p.findings}</td>
              <td className="num">{p.high_findings || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Four small bars for the cumulative shares at end of March, June, October, December. */
function ScheduleBar({ values, label }: { values: (number | null)[]; label: string }) {
  const text = values.map((v) => pct(v)).join(' / ');
  return (
    <span className="sched" title={text} role="img" aria-label={`${label}: ${text}`}>
      {values.map((v, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: the four months are fixed positions
          key={i}
          className={v === null ? 'sched-bar missing' : 'sched-bar'}
          style={{ height: `${Math.max(2, Math.min(100, v ?? 0)) * 0.24}px` }}
        />
      ))}
      <span className="sched-text">{text}</span>
    </span>
  );
}
