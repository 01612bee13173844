import type { MessageKey } from '../i18n';
import type { Diagnostic } from '../parse';

/** Props of {@link DiagnosticsList}. */
export interface DiagnosticsListProps {
  diagnostics: readonly Diagnostic[];
  t: Record<MessageKey, string>;
}

/** The parser's diagnostics for one document. */
export function DiagnosticsList({ diagnostics, t }: DiagnosticsListProps) {
  if (diagnostics.length === 0) return <p className="empty">{t.noDiagnostics}</p>;
  return (
    <ul className="diagnostics">
      {diagnostics.map((d, i) => (
        // Diagnostics have no id and may repeat, so the index is the only stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i} className={`severity-${d.severity}`}>
          <span className="severity">{t[d.severity]}</span> <code>{d.code}</code>
          {d.line !== null && (
            <span className="where">
              {' '}
              ({t.line} {d.line})
            </span>
          )}{' '}
          {d.message}
        </li>
      ))}
    </ul>
  );
}
