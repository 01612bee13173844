import { useMemo } from 'react';
import {
  barsHorizontal,
  buildResultChart,
  columnKinds,
  planResultChart,
  RESULT_CHART_TYPES,
  type ResultChartType,
} from '../../charts/result-chart';
import type { Row } from '../../db';
import { fill, type Messages } from '../../i18n';
import { EChart } from '../EChart';
import { formatCell } from '../format';
import { downloadText, exportFileName, resultCsv } from './result-csv';

/** Rows shown in the grid and drawn in the chart; the CSV export has them all. */
export const SHOWN_ROWS = 1000;

const TYPE_KEYS: Record<ResultChartType, 'consoleChartBar' | 'consoleChartLine' | 'consoleChartPie'> = {
  bar: 'consoleChartBar',
  line: 'consoleChartLine',
  pie: 'consoleChartPie',
};

/** Props of {@link ResultPanel}. */
export interface ResultPanelProps {
  t: Messages;
  columns: string[];
  rows: Row[];
  ms: number;
  /** The engine had more rows than `limit`; only those were fetched. */
  truncated: boolean;
  limit: number;
  chartType: ResultChartType | null;
  onChartType: (type: ResultChartType) => void;
}

function ResultGrid({
  t,
  columns,
  rows,
  numeric,
}: {
  t: Messages;
  columns: string[];
  rows: Row[];
  numeric: Set<string>;
}) {
  return (
    // A scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1; axe "scrollable-region-focusable").
    // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
    <section className="console-grid" tabIndex={0} aria-label={t.consoleResult}>
      <table className="results" data-testid="sql-result">
        <thead>
          <tr>
            <th scope="col" className="console-rowno">
              {t.consoleRowNumber}
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className={numeric.has(c) ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // Result rows have no key of their own; the list is replaced as a whole.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>
              <th scope="row" className="console-rowno">
                {i + 1}
              </th>
              {columns.map((c) => {
                const text = formatCell(r[c]);
                return (
                  <td
                    key={c}
                    className={numeric.has(c) ? 'num' : r[c] === null ? 'console-null' : undefined}
                    title={text.length > 40 ? text : undefined}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ResultChart({
  t,
  rows,
  columns,
  chartType,
  onChartType,
}: Omit<ResultPanelProps, 'ms' | 'truncated' | 'limit'>) {
  const plan = useMemo(() => planResultChart(rows, columns), [rows, columns]);
  const type = plan && chartType && plan.types.includes(chartType) ? chartType : (plan?.suggested ?? 'bar');
  const option = useMemo(() => (plan ? buildResultChart(rows, type, plan) : null), [rows, type, plan]);
  if (!plan || !option) return <p className="empty">{t.consoleChartNone}</p>;
  const height = type === 'bar' && barsHorizontal(rows, plan) ? Math.max(380, 70 + rows.length * 26) : 380;
  return (
    <>
      <fieldset className="console-chart-types">
        <legend>{t.consoleChartType}</legend>
        {RESULT_CHART_TYPES.filter((ty) => plan.types.includes(ty)).map((ty) => (
          <label key={ty}>
            <input
              type="radio"
              name="console-chart-type"
              value={ty}
              checked={ty === type}
              onChange={() => onChartType(ty)}
            />
            <span className="console-chart-type">{t[TYPE_KEYS[ty]]}</span>
          </label>
        ))}
        {plan.hidden.length > 0 && type !== 'pie' && <span className="console-chart-note">{t.consoleChartLegend}</span>}
      </fieldset>
      <EChart option={option} label={t.consoleChart} height={height} testId="sql-chart" />
    </>
  );
}

/** A query's answer: row count, CSV export, the grid of the first rows and their chart. */
export function ResultPanel({ t, columns, rows, ms, truncated, limit, chartType, onChartType }: ResultPanelProps) {
  const shown = useMemo(() => rows.slice(0, SHOWN_ROWS), [rows]);
  const numeric = useMemo(() => {
    const kinds = columnKinds(shown, columns);
    return new Set(columns.filter((c) => kinds[c] === 'number'));
  }, [shown, columns]);
  const capped = rows.length > SHOWN_ROWS;
  return (
    <section className="console-result" aria-labelledby="console-result-title">
      <div className="console-result-head">
        <h3 id="console-result-title">{t.consoleResult}</h3>
        <p className="console-count" data-testid="sql-count" role="status">
          {capped ? fill(t.rowsCapped, { n: rows.length, shown: SHOWN_ROWS }) : fill(t.rowsShown, { n: rows.length })}
          <span className="console-elapsed"> · {fill(t.consoleElapsed, { ms: Math.round(ms) })}</span>
        </p>
        <button
          type="button"
          className="console-export"
          data-testid="sql-export"
          disabled={columns.length === 0}
          onClick={() => downloadText(exportFileName(), resultCsv(columns, rows))}
        >
          {t.exportCsv}
        </button>
      </div>
      {truncated && (
        <p className="status console-notice" role="status" data-testid="sql-truncated">
          {fill(t.consoleTruncated, { limit })}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t.consoleNoRows}</p>
      ) : (
        <>
          <ResultGrid t={t} columns={columns} rows={shown} numeric={numeric} />
          <section className="console-chart" aria-labelledby="console-chart-title">
            <h3 id="console-chart-title">{t.consoleChart}</h3>
            {capped && <p className="hint">{fill(t.consoleChartFirstRows, { n: SHOWN_ROWS })}</p>}
            <ResultChart t={t} rows={shown} columns={columns} chartType={chartType} onChartType={onChartType} />
          </section>
        </>
      )}
    </section>
  );
}
