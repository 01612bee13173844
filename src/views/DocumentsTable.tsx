import { Fragment, useState } from 'react';
import { fill, type MessageKey } from '../i18n';
import type { ParseResult } from '../parse';
import { DiagnosticsList } from './DiagnosticsList';
import { formatText, formatWan } from './format';
import { ProjectsTable } from './ProjectsTable';
import { summarize } from './summary';

/** Props of {@link DocumentsTable}. */
export interface DocumentsTableProps {
  results: readonly ParseResult[];
  t: Record<MessageKey, string>;
}

const COLUMNS = 8;

/** One row per parsed document; a row expands to show its projects and diagnostics. */
export function DocumentsTable({ results, t }: DocumentsTableProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (file: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(file)) next.add(file);
      return next;
    });

  return (
    <table className="documents" data-testid="documents">
      <caption>{fill(t.documentsCaption, { n: results.length })}</caption>
      <thead>
        <tr>
          <th scope="col" className="toggle-col">
            <span className="visually-hidden">{t.show}</span>
          </th>
          <th scope="col">{t.file}</th>
          <th scope="col">{t.department}</th>
          <th scope="col">{t.region}</th>
          <th scope="col">{t.year}</th>
          <th scope="col" className="num">
            {t.projectCount}
          </th>
          <th scope="col" className="num">
            {t.budgetTotal}
          </th>
          <th scope="col" className="num">
            {t.diagnosticCount}
          </th>
        </tr>
      </thead>
      <tbody>
        {results.map((result) => {
          const s = summarize(result);
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
                  {s.yearInferred && <span className="badge">{t.inferred}</span>}
                </td>
                <td className="num" data-col="projects">
                  {s.projectCount}
                </td>
                <td className="num">{formatWan(s.budgetTotalWan)}</td>
                <td className="num">{s.diagnosticCount}</td>
              </tr>
              {isOpen && (
                <tr className="detail" id={detailId}>
                  <td colSpan={COLUMNS}>
                    <section aria-label={s.file} data-testid="document-detail">
                      <h3>
                        {t.projects} · {s.file}
                      </h3>
                      <ProjectsTable projects={result.document.projects} t={t} />
                      <h3>{t.diagnostics}</h3>
                      <DiagnosticsList diagnostics={result.diagnostics} t={t} />
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
