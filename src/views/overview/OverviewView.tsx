import type { Messages } from '../../i18n';

/** The overview for leadership (总览). */
export function OverviewView({ t }: { t: Messages }) {
  return <h2>{t.navOverview}</h2>;
}
