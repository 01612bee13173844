import { Fragment, useState } from 'react';
import { useStore } from 'zustand';
import { wan } from '../charts/format';
import type { DocumentRow } from '../db/queries';
import { fill, type Messages } from '../i18n';
import { removeImported, store } from '../store';
import { DEMO_PREFIX } from '../years/demo';
import { DiagnosticsList } from './DiagnosticsList';
import { formatText } from './format';
import { ProjectsTable } from './ProjectsTable';
import { TableHead } from './TableHead';

/** Props of {@link DocumentsTable}. */
export interface DocumentsTableProps {
  documents: readonly DocumentRow[];
  t: Messages;
}

const COLUMNS = 10;

/** One row per parsed document; a row expands to show its projects and diagnostics. Imported ones can be removed. */
export function DocumentsTable({ documents, t }: DocumentsTableProps) {
  const stored = useStore(store, (s) => s.library.stored);
  const storedIds = new Set(stored.map((d) => d.docId));
  const remove = (docId: string, file: string) => {
    if (window.confirm(fill(t.removeConfirm, { file }))) void removeImported(docId);
  };
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (file: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(file)) next.add(file);
      return next;
    });

  return (
    <table className="documents" data-testid="documents">
      <caption>{fill(t.documentsCaption, { n: documents.length })}</caption>
      <TableHead
        columns={[
          { label: t.show, hidden: true, className: 'toggle-col' },
          t.file,
          t.department,
          t.region,
          t.year,
          { label: t.projectCount, num: true },
          { label: t.budgetTotal, num: true },
          { label: t.diagnosticCount, num: true },
          t.source,
          { label: t.remove, hidden: true },
        ]}
      />
      <tbody>
        {documents.map((s) => {
          const isOpen = open.has(s.file);
          const detailId = `detail-${s.file}`;
          return (
            <Fragment key={s.file}>
              <tr data-file={s.file} className={isOpen ? 'open' : undefined}>
                <td>
                  <button
                    type="button"
                    className="toggle"
                    aria-expanded={isOpen}
                    aria-controls={detailId}
                    aria-label={`${isOpen ? t.hide : t.show} ${s.file}`}
                    onClick={() => toggle(s.file)}
                  >
                    {isOpen ? '▾' : '▸'}
                  </button>
                </td>
                <th scope="row" className="file">
                  {s.file}
                </th>
                <td>{formatText(s.department)}</td>
                <td>{formatText(s.region)}</td>
                <td>
                  {s.year ?? t.unknown}
                  {s.year_inferred && <span className="badge">{t.inferred}</span>}
                </td>
                <td className="num" data-col="projects">
                  {s.project_count}
                </td>
                <td className="num" data-col="budget">
                  {wan(s.budget_wan)}
                </td>
                <td className="num">{s.diagnostic_count}</td>
                <td data-col="source">
                  {!storedIds.has(s.doc_id)
                    ? t.sourceSample
                    : s.file.startsWith(DEMO_PREFIX)
                      ? t.sourceDemo
                      : t.sourceImported}
                </td>
                <td>
                  {storedIds.has(s.doc_id) && (
                    <button
                      type="button"
                      className="remove"
                      aria-label={`${t.remove} ${s.file}`}
                      data-testid="remove-document"
                      onClick={() => remove(s.doc_id, s.file)}
                    >
                      {t.remove}
                    </button>
                  )}
                </td>
              </tr>
              {isOpen && (
                <tr className="detail" id={detailId}>
                  <td colSpan={COLUMNS}>
                    <section aria-label={s.file} data-testid="document-detail">
                      <h3>
                        {t.projects} · {s.file}
                      </h3>
                      <ProjectsTable docId={s.doc_id} t={t} />
                      <h3>{t.diagnostics}</h3>
                      <DiagnosticsList docId={s.doc_id} t={t} />
                    </section>
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
