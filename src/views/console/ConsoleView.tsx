import { useCallback, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { TABLES, VIEWS } from '../../db';
import {
  EXAMPLE_QUERIES,
  groupSchema,
  SCHEMA_QUERY,
  type SchemaColumnRow,
  type SchemaTable,
} from '../../db/queries-console';
import { fill, type Messages } from '../../i18n';
import { RULES } from '../../rules';
import { isOutOfMemory, store } from '../../store';
import { useQuery } from '../use-query';
import {
  CONSOLE_ROW_LIMIT,
  cancelConsoleQuery,
  consoleStore,
  runConsoleQuery,
  setConsoleChartType,
  setConsoleSql,
} from './console-store';
import { insertName } from './editor-text';
import { ResultPanel } from './ResultPanel';
import { type SchemaState, SchemaTree } from './SchemaTree';
import { applyEdit, SqlEditor } from './SqlEditor';

/**
 * DuckDB 1.4's answer to a LIKE whose pattern starts with a fixed Chinese prefix and goes on after a
 * % (duckdb/duckdb#19575, open): the error names no cause, so the console explains it.
 */
const LIKE_UNICODE_BUG = /Invalid unicode \(byte sequence mismatch\) detected in value construction/;

import './console.css';

const TABLE_DOCS = new Map<string, string>([
  ...TABLES.map((s) => [s.name, s.doc] as const),
  ...VIEWS.map((v) => [v.name, v.doc] as const),
]);

/** The SQL console (SQL 查询): schema, examples, editor, and the answer as a grid, a chart and a CSV file. */
export function ConsoleView({ t }: { t: Messages }) {
  const locale = useStore(store, (s) => s.locale);
  const rulesReady = useStore(store, (s) => s.rulesReady);
  const sql = useStore(consoleStore, (s) => s.sql);
  const run = useStore(consoleStore, (s) => s.run);
  const chartType = useStore(consoleStore, (s) => s.chartType);
  const runs = useStore(consoleStore, (s) => s.runs);
  // The schema lists the rule views and findings too, so it is read once the rules are installed.
  const schemaRows = useQuery<SchemaColumnRow>(SCHEMA_QUERY, { needsRules: true });
  const editor = useRef<HTMLTextAreaElement>(null);

  const schema = useMemo<SchemaState>(
    () => (schemaRows.status === 'ready' ? { status: 'ready', groups: groupSchema(schemaRows.rows) } : schemaRows),
    [schemaRows],
  );
  const describe = useCallback(
    (table: SchemaTable) => {
      if (table.schema === 'rules') return RULES.find((r) => r.id === table.name)?.title[locale];
      return table.schema === 'main' ? TABLE_DOCS.get(table.name) : undefined;
    },
    [locale],
  );
  const insert = useCallback((name: string) => {
    const el = editor.current;
    if (el) applyEdit(el, insertName(el.value, el.selectionStart, el.selectionEnd, name), setConsoleSql);
  }, []);

  const running = run.status === 'running';
  return (
    <section className="console" aria-labelledby="console-title" data-status={run.status} data-runs={runs}>
      <h2 id="console-title">{t.sqlTitle}</h2>
      <p className="hint console-intro">{t.consoleIntro}</p>
      <div className="console-layout">
        <SchemaTree t={t} schema={schema} rulesReady={rulesReady} describe={describe} onInsert={insert} />
        <div className="console-main">
          <fieldset className="console-examples" data-testid="sql-examples">
            <legend className="console-label">{t.consoleExamples}</legend>
            {EXAMPLE_QUERIES.map((q) => (
              <button
                key={q.id}
                type="button"
                data-example={q.id}
                disabled={running}
                onClick={() => void runConsoleQuery(q.sql)}
              >
                {q.title[locale]}
              </button>
            ))}
          </fieldset>
          <SqlEditor
            t={t}
            sql={sql}
            onChange={setConsoleSql}
            onRun={() => void runConsoleQuery()}
            onCancel={() => void cancelConsoleQuery()}
            running={running}
            slow={running && run.slow}
            startedAt={running ? run.startedAt : null}
            textareaRef={editor}
          />
          {run.status === 'error' && (
            <div className="status status-error console-error" role="alert" data-testid="sql-error">
              <p className="status-title">{run.refused !== null ? t.consoleReadOnlyTitle : t.sqlError}</p>
              {run.refused !== null && (
                <p className="console-notice-detail" data-testid="sql-refused">
                  {fill(t.consoleReadOnly, { keyword: run.refused || '—' })}
                </p>
              )}
              {isOutOfMemory(run.error) && (
                <p className="console-notice-detail" data-testid="sql-out-of-memory">
                  {t.consoleOutOfMemory}
                </p>
              )}
              {run.refused === null && <pre className="status-detail">{run.error}</pre>}
              {LIKE_UNICODE_BUG.test(run.error) && (
                <p className="console-notice-detail" data-testid="sql-hint">
                  {t.consoleLikeUnicode}
                </p>
              )}
              <pre className="console-error-sql">{run.sql}</pre>
            </div>
          )}
          {run.status === 'cancelled' && (
            <div className="status console-notice" role="status" data-testid="sql-notice">
              <p className="status-title">{run.restarted ? t.consoleCancelled : t.consoleStopped}</p>
              {run.restarted && <p className="console-notice-detail">{t.consoleCancelledDetail}</p>}
            </div>
          )}
          {run.status === 'ready' && (
            <ResultPanel
              t={t}
              columns={run.columns}
              rows={run.rows}
              ms={run.ms}
              truncated={run.truncated}
              limit={CONSOLE_ROW_LIMIT}
              chartType={chartType}
              onChartType={setConsoleChartType}
            />
          )}
        </div>
      </div>
    </section>
  );
}
