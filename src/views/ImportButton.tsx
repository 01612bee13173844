import { useStore } from 'zustand';
import { fill, type Messages } from '../i18n';
import { importFiles, store } from '../store';

/** Picks text documents, parses them in the browser's worker and adds them to the database. */
export function ImportButton({ t }: { t: Messages }) {
  const importing = useStore(store, (s) => s.importing);
  return (
    <div className="import">
      <label className="file-button">
        {t.importLabel}
        <input
          type="file"
          accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
          multiple
          data-testid="import-input"
          disabled={importing.status === 'parsing' || importing.status === 'loading'}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void importFiles(files);
          }}
        />
      </label>
      <span
        className="import-status"
        role="status"
        aria-live="polite"
        data-testid="import-status"
        data-status={importing.status}
        data-runs={importing.runs}
      >
        {(importing.status === 'parsing' || importing.status === 'loading') &&
          fill(t.importing, { n: importing.files })}
        {importing.status === 'done' && fill(t.imported, { n: importing.added })}
        {importing.status === 'error' && `${t.importFailed}: ${importing.error}`}
      </span>
    </div>
  );
}
