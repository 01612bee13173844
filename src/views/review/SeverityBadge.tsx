import type { Messages } from '../../i18n';
import { severityLabel } from './labels';

/** 严重 / 一般 / 提示 as a coloured label (the colour repeats the word, never replaces it). */
export function SeverityBadge({ severity, t }: { severity: 'high' | 'warning' | 'info'; t: Messages }) {
  return (
    <span className={`review-sev review-sev-${severity}`} data-severity={severity}>
      {severityLabel(t, severity)}
    </span>
  );
}
