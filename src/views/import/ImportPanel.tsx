import { useStore } from 'zustand';
import { fill, type Messages } from '../../i18n';
import { cancelImport, importFiles, isOutOfMemory, store } from '../../store';
import { IMPORT_ACCEPT, partition } from './collect';

/** Starts an import of what an `<input type=file>` holds (a folder input's files carry a relative path). */
function importFromInput(input: HTMLInputElement): void {
  const files = [...(input.files ?? [])];
  input.value = '';
  if (!files.length) return;
  const { files: chosen, skipped } = partition(files, (f) => f.webkitRelativePath !== '');
  void importFiles(chosen, skipped);
}

/** Import controls: file and folder pickers, the hint, and the progress of a running import. */
export function ImportPanel({ t }: { t: Messages }) {
  const importing = useStore(store, (s) => s.importing);
  const busy = importing.status === 'reading' || importing.status === 'loading';
  return (
    <div className="import-panel">
      <div className="import">
        <label className="file-button">
          {t.importFiles}
          <input
            type="file"
            accept={IMPORT_ACCEPT}
            multiple
            data-testid="import-input"
            disabled={busy}
            onChange={(e) => importFromInput(e.currentTarget)}
          />
        </label>
        <label className="file-button">
          {t.importFolder}
          <input
            type="file"
            multiple
            data-testid="import-folder-input"
            disabled={busy}
            // React has no typed prop for it; every current browser supports it.
            {...{ webkitdirectory: '' }}
            onChange={(e) => importFromInput(e.currentTarget)}
          />
        </label>
        <ImportProgress t={t} />
      </div>
      <p className="hint">{t.importHint}</p>
    </div>
  );
}

/** The progress (files done / total, current file) or the outcome of the last import; also in the header. */
export function ImportProgress({ t }: { t: Messages }) {
  const importing = useStore(store, (s) => s.importing);
  const { status, progress, report } = importing;
  const ok = report?.files.filter((f) => f.ok).length ?? 0;
  return (
    <span
      className="import-status"
      role="status"
      aria-live="polite"
      data-testid="import-status"
      data-status={status}
      data-runs={importing.runs}
    >
      {status === 'reading' && (
        <>
          <progress max={progress.total} value={progress.done} />{' '}
          {progress.current
            ? fill(t.importReadingFile, { done: progress.done, total: progress.total, file: progress.current })
            : fill(t.importReading, { done: progress.done, total: progress.total })}{' '}
          <button type="button" className="import-cancel" data-testid="import-cancel" onClick={cancelImport}>
            {t.importCancel}
          </button>
        </>
      )}
      {status === 'loading' && (
        <>
          <progress />
          {` ${t.importLoading}`}
        </>
      )}
      {status === 'done' && fill(t.importDone, { ok, failed: (report?.files.length ?? 0) - ok })}
      {status === 'cancelled' && t.importCancelled}
      {status === 'error' &&
        (importing.storageFailed
          ? fill(t.storageFailed, { error: importing.error ?? '' })
          : isOutOfMemory(importing.error ?? '')
            ? fill(t.importOutOfMemory, { error: importing.error ?? '' })
            : `${t.importFailed}: ${importing.error}`)}
    </span>
  );
}
