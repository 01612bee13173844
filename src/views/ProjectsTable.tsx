import type { MessageKey } from '../i18n';
import type { Project } from '../parse';
import { formatText, formatWan } from './format';

/** Props of {@link ProjectsTable}. */
export interface ProjectsTableProps {
  projects: readonly Project[];
  t: Record<MessageKey, string>;
}

/** The projects (绩效目标表) of one document. */
export function ProjectsTable({ projects, t }: ProjectsTableProps) {
  if (projects.length === 0) return <p className="empty">{t.noProjects}</p>;
  return (
    <table className="projects">
      <thead>
        <tr>
          <th scope="col" className="num">
            {t.seq}
          </th>
          <th scope="col">{t.code}</th>
          <th scope="col">{t.name}</th>
          <th scope="col" className="num">
            {t.budget}
          </th>
          <th scope="col" className="num">
            {t.indicatorCount}
          </th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr key={`${p.seq}-${p.line}`}>
            <td className="num">{p.seq}</td>
            <td className="code">{formatText(p.code)}</td>
            <th scope="row">{p.name}</th>
            <td className="num">{formatWan(p.budget.total)}</td>
            <td className="num">{p.indicators.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
