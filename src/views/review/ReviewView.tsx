import type { Messages } from '../../i18n';

/** The review workbench (质量审查). */
export function ReviewView({ t }: { t: Messages }) {
  return <h2>{t.navReview}</h2>;
}
