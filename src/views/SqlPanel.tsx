import { type KeyboardEvent, useState } from 'react';
import { QueryError, type Row } from '../db';
import { fill, type Messages } from '../i18n';
import { getAppDb } from '../store';
import { formatCell } from './format';

const MAX_ROWS = 500;
const EXAMPLE = 'SELECT department, projects, budget_wan\nFROM department_summary\nORDER BY budget_wan DESC';

type Result =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'ready'; columns: string[]; rows: Row[] }
  | { status: 'error'; error: string; sql: string };

/** A minimal SQL box over the local DuckDB: run with the button or Ctrl+Enter; errors show message and SQL. */
export function SqlPanel({ t }: { t: Messages }) {
  const [sql, setSql] = useState(EXAMPLE);
  const [result, setResult] = useState<Result>({ status: 'idle' });

  const run = async () => {
    setResult({ status: 'running' });
    try {
      const rows = await (await getAppDb()).query(sql);
      setResult({ status: 'ready', columns: rows[0] ? Object.keys(rows[0]) : [], rows });
    } catch (err) {
      setResult({
        status: 'error',
        error: err instanceof Error ? err.message : String(err),
        sql: err instanceof QueryError ? err.sql : sql,
      });
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  };

  return (
    <section className="sql-panel" aria-labelledby="sql-title" data-testid="sql-panel">
      <h2 id="sql-title">{t.sqlTitle}</h2>
      <p className="hint">{t.sqlHint}</p>
      <label className="visually-hidden" htmlFor="sql-input">
        {t.sqlLabel}
      </label>
      <textarea
        id="sql-input"
        value={sql}
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={onKeyDown}
        rows={5}
        spellCheck={false}
      />
      <div className="sql-actions">
        <button type="button" onClick={() => void run()} disabled={result.status === 'running'}>
          {result.status === 'running' ? t.running : t.run}
        </button>
      </div>
      {result.status === 'error' && (
        <div className="status status-error" role="alert" data-testid="sql-error">
          <p className="status-title">{t.sqlError}</p>
          <pre className="status-detail">{result.error}</pre>
          <pre className="status-sql">{result.sql}</pre>
        </div>
      )}
      {result.status === 'ready' && (
        <div className="sql-result">
          <p className="hint" data-testid="sql-count">
            {result.rows.length > MAX_ROWS
              ? fill(t.rowsCapped, { n: result.rows.length, shown: MAX_ROWS })
              : fill(t.rowsShown, { n: result.rows.length })}
          </p>
          <div className="table-scroll">
            <table className="results" data-testid="sql-result">
              <thead>
                <tr>
                  {result.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.slice(0, MAX_ROWS).map((r, i) => (
                  // Result rows have no key of their own.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={i}>
                    {result.columns.map((c) => (
                      <td key={c} className={typeof r[c] === 'number' ? 'num' : undefined}>
                        {formatCell(r[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
