import { type KeyboardEvent, type Ref, useEffect, useRef, useState } from 'react';
import { fill, type Messages } from '../../i18n';
import { indent, type TextEdit } from './editor-text';

/**
 * Applies an edit to the textarea through the browser's editing command, so Ctrl+Z undoes it;
 * where that command is missing the text is set directly (undo then skips it).
 */
export function applyEdit(el: HTMLTextAreaElement, edit: TextEdit, onChange: (sql: string) => void): void {
  el.focus();
  el.setSelectionRange(edit.from, edit.to);
  const expected = el.value.slice(0, edit.from) + edit.text + el.value.slice(edit.to);
  // execCommand is deprecated but still the only way to edit a textarea with undo history.
  const done = edit.text !== '' && document.execCommand?.('insertText', false, edit.text);
  if (!done || el.value !== expected) el.value = expected;
  el.setSelectionRange(edit.start, edit.end);
  onChange(el.value);
}

/** Props of {@link SqlEditor}. */
export interface SqlEditorProps {
  t: Messages;
  sql: string;
  onChange: (sql: string) => void;
  onRun: () => void;
  onCancel: () => void;
  running: boolean;
  /** The query has run long enough to offer Cancel. */
  slow: boolean;
  /** When the running query started (`performance.now()`), for the elapsed time. */
  startedAt: number | null;
  textareaRef: Ref<HTMLTextAreaElement>;
}

function Elapsed({ t, since }: { t: Messages; since: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const id = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(id);
  }, []);
  return <>{fill(t.consoleRunningFor, { s: Math.max(0, Math.floor((now - since) / 1000)) })}</>;
}

/**
 * The SQL editor: a monospace textarea (Tab indents, Esc then Tab leaves it, Ctrl/⌘+Enter runs),
 * the Run button and, once a query runs long, Cancel.
 */
export function SqlEditor({
  t,
  sql,
  onChange,
  onRun,
  onCancel,
  running,
  slow,
  startedAt,
  textareaRef,
}: SqlEditorProps) {
  const tabLeaves = useRef(false);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!running) onRun();
      return;
    }
    if (e.key === 'Escape') {
      tabLeaves.current = true;
      return;
    }
    if (e.key === 'Tab' && !e.ctrlKey && !e.metaKey && !e.altKey && !tabLeaves.current) {
      e.preventDefault();
      const el = e.currentTarget;
      applyEdit(el, indent(el.value, el.selectionStart, el.selectionEnd, e.shiftKey), onChange);
      return;
    }
    tabLeaves.current = false;
  };

  return (
    <div className="console-editor" data-testid="sql-panel">
      <label className="console-label" htmlFor="sql-input">
        {t.consoleEditorLabel}
      </label>
      <textarea
        id="sql-input"
        ref={textareaRef}
        value={sql}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          tabLeaves.current = false;
        }}
        rows={9}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-describedby="sql-keys"
      />
      <div className="console-toolbar">
        <button type="button" className="console-run" onClick={onRun} disabled={running}>
          {running ? t.running : t.run}
        </button>
        {running && slow && (
          <button type="button" className="console-cancel" onClick={onCancel} data-testid="sql-cancel">
            {t.consoleCancel}
          </button>
        )}
        {running && startedAt !== null && (
          <span className="console-running" role="status">
            <Elapsed t={t} since={startedAt} />
          </span>
        )}
        <span id="sql-keys" className="console-keys">
          {t.consoleKeys}
        </span>
      </div>
    </div>
  );
}
