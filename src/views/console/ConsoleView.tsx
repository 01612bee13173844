import type { Messages } from '../../i18n';
import { SqlPanel } from '../SqlPanel';

/** The SQL console (SQL 查询). */
export function ConsoleView({ t }: { t: Messages }) {
  return <SqlPanel t={t} />;
}
