import { useStore } from 'zustand';
import { fill, type Messages } from '../i18n';
import { dismissNotice, type Notice, removeDamaged, store } from '../store';

/** At most this many file names are listed in a notice; the rest are counted. */
const LISTED_FILES = 20;

function files(names: readonly string[]): string {
  const listed = names.slice(0, LISTED_FILES).join('、');
  return names.length > LISTED_FILES ? `${listed} … (+${names.length - LISTED_FILES})` : listed;
}

function noticeText(t: Messages, n: Notice): string {
  switch (n.kind) {
    case 'engine-restarted':
      return fill(t.noticeEngineRestarted, { reason: n.reason });
    case 'engine-failed':
      return fill(t.noticeEngineFailed, { reason: n.reason });
    case 'import-interrupted':
      return [
        t.noticeImportInterrupted,
        n.saved.length ? fill(t.noticeImportSaved, { files: files(n.saved) }) : '',
        n.lost.length ? fill(t.noticeImportLost, { files: files(n.lost) }) : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'stored-damaged':
      return [
        n.recovered.length ? fill(t.noticeStoredRecovered, { n: n.recovered.length, files: files(n.recovered) }) : '',
        n.skipped.length
          ? fill(t.noticeStoredSkipped, { n: n.skipped.length, files: files(n.skipped.map((s) => s.fileName)) })
          : '',
      ]
        .filter(Boolean)
        .join(' ');
  }
}

/** What went wrong outside any one view (engine crash, interrupted import, damaged storage), until dismissed. */
export function Notices({ t }: { t: Messages }) {
  const notices = useStore(store, (s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n, i) => (
        <div
          // Notices are only appended and removed, never reordered.
          // biome-ignore lint/suspicious/noArrayIndexKey: a notice has no id of its own
          key={i}
          className={`status notice ${n.kind === 'engine-failed' ? 'status-error' : ''}`}
          role={n.kind.startsWith('engine') ? 'alert' : 'status'}
          data-testid="notice"
          data-kind={n.kind}
        >
          <p>{noticeText(t, n)}</p>
          {n.kind === 'stored-damaged' && n.skipped.length > 0 && (
            <button
              type="button"
              data-testid="remove-damaged"
              onClick={() => {
                if (!window.confirm(t.removeDamagedConfirm)) return;
                void removeDamaged(n.skipped.map((s) => s.docId));
                dismissNotice(n);
              }}
            >
              {t.removeDamaged}
            </button>
          )}
          <button type="button" className="notice-dismiss" aria-label={t.dismiss} onClick={() => dismissNotice(n)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
