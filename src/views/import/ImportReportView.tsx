import { Fragment, useState } from 'react';
import { useStore } from 'zustand';
import { fill, type Messages } from '../../i18n';
import { toCsv } from '../../rules/review';
import { store } from '../../store';
import { downloadBlob } from '../review/export';
import { TableHead } from '../TableHead';
import { errorText, foundText, reportTable, whereText } from './report';

/** The last import's report: one row per file (what was found, or why not), diagnostics on demand, CSV export. */
export function ImportReportView({ t }: { t: Messages }) {
  const report = useStore(store, (s) => s.importing.report);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  if (!report) return null;
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  const exportCsv = () => {
    const stamp = report.at.slice(0, 19).replace(/[T:]/g, '-');
    downloadBlob(new Blob([toCsv(reportTable(report, t))], { type: 'text/csv' }), `导入报告-${stamp}.csv`);
  };
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <h3 id="import-report-title">{t.importReport}</h3>
      <p>
        {fill(t.importReportCaption, { n: report.files.length, s: report.seconds.toFixed(1) })}{' '}
        <button type="button" onClick={exportCsv} data-testid="import-report-export">
          {t.importExport}
        </button>
      </p>
      {report.skipped.length > 0 && (
        <p className="hint">{fill(t.importSkipped, { n: report.skipped.length, files: report.skipped.join('、') })}</p>
      )}
      <table className="documents">
        <TableHead
          columns={[
            { label: t.show, hidden: true, className: 'toggle-col' },
            t.file,
            t.importKind,
            t.importStatus,
            t.importFound,
            { label: t.diagnosticCount, num: true },
          ]}
        />
        <tbody>
          {report.files.map((f, i) => {
            const isOpen = open.has(i);
            const details = f.notes.length + f.diagnostics.length;
            return (
              // Two files of one import may share a name (from different folders); the index is the key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Fragment key={i}>
                <tr data-file={f.name} data-ok={f.ok} className={f.ok ? undefined : 'failed'}>
                  <td>
                    {details > 0 && (
                      <button
                        type="button"
                        className="toggle"
                        aria-expanded={isOpen}
                        aria-label={`${isOpen ? t.hide : t.show} ${f.name}`}
                        onClick={() => toggle(i)}
                      >
                        {isOpen ? '▾' : '▸'}
                      </button>
                    )}
                  </td>
                  <th scope="row" className="file">
                    {f.name}
                  </th>
                  <td>{f.kind ?? t.unknown}</td>
                  <td>{f.ok ? (f.replaced ? t.importReplaced : t.importOk) : t.importNotOk}</td>
                  <td data-col="found">{f.ok ? foundText(f, t) : errorText(f, t)}</td>
                  <td className="num">{details}</td>
                </tr>
                {isOpen && (
                  <tr className="detail">
                    <td colSpan={6}>
                      <ul className="diagnostics">
                        {f.notes.map((n) => (
                          <li key={`note-${n}`} className="severity-info">
                            {n}
                          </li>
                        ))}
                        {f.diagnostics.map((d, j) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no id and may repeat
                          <li key={j} className={`severity-${d.severity}`}>
                            <span className="severity">{t[d.severity]}</span> <code>{d.code}</code>{' '}
                            <span className="where">{whereText(d, t)}</span> {d.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
