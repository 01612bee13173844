import { useId, useState } from 'react';
import type { SchemaGroupId, SchemaGroups, SchemaTable } from '../../db/queries-console';
import { fill, type Messages } from '../../i18n';
import { StatusMessage } from '../StatusMessage';

const GROUPS: { id: SchemaGroupId; key: 'consoleTables' | 'consoleViews' | 'consoleRules'; open: boolean }[] = [
  { id: 'tables', key: 'consoleTables', open: true },
  { id: 'views', key: 'consoleViews', open: true },
  { id: 'rules', key: 'consoleRules', open: false },
];

/** The schema listing as loaded. */
export type SchemaState =
  | { status: 'pending' }
  | { status: 'error'; error: string }
  | { status: 'ready'; groups: SchemaGroups };

/** Props of {@link SchemaTree}. */
export interface SchemaTreeProps {
  t: Messages;
  schema: SchemaState;
  /** False while the rules run: findings, scores and `rules.*` are not there yet. */
  rulesReady: boolean;
  /** What a table or view is, by name (shown as a note under rules, as a tooltip elsewhere). */
  describe: (table: SchemaTable) => string | undefined;
  onInsert: (sqlName: string) => void;
}

function TableItem({
  t,
  table,
  note,
  showNote,
  onInsert,
}: {
  t: Messages;
  table: SchemaTable;
  note: string | undefined;
  showNote: boolean;
  onInsert: (sqlName: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li className="schema-table" data-table={table.sqlName}>
      <div className="schema-row">
        <button
          type="button"
          className="schema-toggle"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          aria-label={fill(t.consoleShowColumns, { name: table.name })}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
        <button
          type="button"
          className="schema-name"
          title={
            note
              ? `${fill(t.consoleInsert, { name: table.sqlName })}\n${note}`
              : fill(t.consoleInsert, { name: table.sqlName })
          }
          onClick={() => onInsert(table.sqlName)}
        >
          {table.name}
        </button>
        <span className="schema-count">{table.columns.length}</span>
      </div>
      {showNote && note && <p className="schema-note">{note}</p>}
      {open && (
        <ul id={id} className="schema-columns" aria-label={fill(t.consoleColumnsOf, { name: table.name })}>
          {table.columns.map((c) => (
            <li key={c.name}>
              <button
                type="button"
                className="schema-name"
                title={fill(t.consoleInsert, { name: c.sqlName })}
                onClick={() => onInsert(c.sqlName)}
              >
                {c.name}
              </button>
              <span className="schema-type">{c.type}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Tables, views and rule views with their columns, grouped and collapsible; a click inserts a name. */
export function SchemaTree({ t, schema, rulesReady, describe, onInsert }: SchemaTreeProps) {
  return (
    <aside className="console-schema" aria-labelledby="schema-title" data-testid="sql-schema">
      <h3 id="schema-title">{t.consoleSchema}</h3>
      <p className="schema-hint">{t.consoleSchemaHint}</p>
      {schema.status === 'pending' && <StatusMessage kind="loading" title={t.loadingRows} />}
      {schema.status === 'error' && <StatusMessage kind="error" title={t.consoleSchemaError} detail={schema.error} />}
      {!rulesReady && (
        <p className="schema-hint" role="status">
          {t.consoleRulesPending}
        </p>
      )}
      {schema.status === 'ready' &&
        GROUPS.map((g) => (
          <details key={g.id} open={g.open} className="schema-group" data-group={g.id}>
            <summary>
              {t[g.key]} <span className="schema-count">{schema.groups[g.id].length}</span>
            </summary>
            <ul className="schema-tables">
              {schema.groups[g.id].map((table) => (
                <TableItem
                  key={table.sqlName}
                  t={t}
                  table={table}
                  note={describe(table)}
                  showNote={g.id === 'rules'}
                  onInsert={onInsert}
                />
              ))}
            </ul>
          </details>
        ))}
    </aside>
  );
}
