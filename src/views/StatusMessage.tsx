/** Props of {@link StatusMessage}. */
export interface StatusMessageProps {
  kind: 'loading' | 'error';
  title: string;
  detail?: string;
}

/** Loading or error state, announced to assistive technology. */
export function StatusMessage({ kind, title, detail }: StatusMessageProps) {
  return (
    <div className={`status status-${kind}`} role={kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      <p className="status-title">{title}</p>
      {detail && <pre className="status-detail">{detail}</pre>}
    </div>
  );
}
