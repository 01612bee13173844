import { wan } from '../charts/format';
import { type ProjectRow, projectsQuery } from '../db/queries';
import type { Messages } from '../i18n';
import { formatText } from './format';
import { StatusMessage } from './StatusMessage';
import { TableHead } from './TableHead';
import { useQuery } from './use-query';

/** The projects (绩效目标表) of one document, from the `projects` table. */
export function ProjectsTable({ docId, t }: { docId: string; t: Messages }) {
  const q = useQuery<ProjectRow>(projectsQuery(docId));
  if (q.status === 'pending') return <StatusMessage kind="loading" title={t.loadingRows} />;
  if (q.status === 'error')
    return <StatusMessage kind="error" title={t.queryFailed} detail={`${q.error}\n\n${q.sql}`} />;
  if (q.rows.length === 0) return <p className="empty">{t.noProjects}</p>;
  return (
    <table className="projects">
      <TableHead
        columns={[
          { label: t.seq, num: true },
          t.code,
          t.name,
          { label: t.budget, num: true },
          { label: t.indicatorCount, num: true },
        ]}
      />
      <tbody>
        {q.rows.map((p) => (
          <tr key={p.project_id} data-project={p.project_id}>
            <td className="num">{p.seq}</td>
            <td className="code">{formatText(p.code)}</td>
            <th scope="row">{p.name}</th>
            <td className="num" data-col="budget">
              {wan(p.budget_wan)}
            </td>
            <td className="num">{p.indicator_count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
