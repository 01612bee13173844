import { useStore } from 'zustand';
import { fill, type Messages } from '../../i18n';
import { setSamplesEnabled, store } from '../../store';

/** Where imported documents are kept, and the switch for the embedded samples. */
export function LibraryPanel({ t }: { t: Messages }) {
  const library = useStore(store, (s) => s.library);
  return (
    <div className="library-panel">
      {library.status === 'unavailable' ? (
        <p className="status status-error" role="alert">
          {fill(t.storageUnavailable, { error: library.error ?? '' })}
        </p>
      ) : (
        <p className="hint">{t.storageHint}</p>
      )}
      {library.failure && (
        <p className="status status-error" role="alert">
          {fill(t.libraryFailed, { error: library.failure })}
        </p>
      )}
      <label className="switch">
        <input
          type="checkbox"
          checked={library.samplesEnabled}
          data-testid="samples-enabled"
          onChange={(e) => void setSamplesEnabled(e.currentTarget.checked)}
        />{' '}
        {t.samplesEnabled}
      </label>
    </div>
  );
}
