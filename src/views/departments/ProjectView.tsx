import type { Messages } from '../../i18n';

/** One project's 绩效目标表 with its findings. */
export function ProjectView({ t }: { t: Messages }) {
  return <h2>{t.navDepartments}</h2>;
}
