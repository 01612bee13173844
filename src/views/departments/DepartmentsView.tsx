import type { Messages } from '../../i18n';

/** Departments and their projects (部门与项目). */
export function DepartmentsView({ t }: { t: Messages }) {
  return <h2>{t.navDepartments}</h2>;
}
