import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { wan } from '../../charts/format';
import type { FindingRow, ReviewSort, ReviewSortKey } from '../../db/queries-review';
import type { MessageKey, Messages } from '../../i18n';
import { hrefFor, navigate } from '../../store';
import { formatText } from '../format';
import { follow } from '../Nav';
import { SeverityBadge } from './SeverityBadge';

const COLUMNS: { key: ReviewSortKey; label: MessageKey; className?: string }[] = [
  { key: 'severity', label: 'reviewColSeverity', className: 'col-severity' },
  { key: 'department', label: 'reviewColDepartment', className: 'col-department' },
  { key: 'project', label: 'reviewColProject', className: 'col-project' },
  { key: 'level3', label: 'reviewColIndicator', className: 'col-indicator' },
  { key: 'value', label: 'reviewColValue', className: 'col-value' },
  { key: 'message', label: 'reviewColMessage', className: 'col-message' },
  { key: 'rule', label: 'reviewColRule', className: 'col-rule' },
  { key: 'budget', label: 'reviewColBudget', className: 'col-budget num' },
];

/** Props of {@link FindingsTable}. */
export interface FindingsTableProps {
  /** Rows in the whole selection. */
  total: number;
  /** A row, or undefined while its page is being fetched. */
  rowAt: (index: number) => FindingRow | undefined;
  /** Called with the rows in view, so their pages are fetched. */
  need: (first: number, last: number) => void;
  sort: ReviewSort;
  onSort: (key: ReviewSortKey) => void;
  /** Rule titles in the UI language, by rule id. */
  ruleTitles: ReadonlyMap<string, string>;
  /** Changes when the selection or order changes: the table scrolls back to the top. */
  resetKey: string;
  t: Messages;
}

/**
 * The findings as a real table whose body is virtualised: only the rows in view (and a few more)
 * are in the DOM, padded above and below to the full height, and only their pages are fetched, so
 * a million rows scroll smoothly.
 */
export function FindingsTable({ total, rowAt, need, sort, onSort, ruleTitles, resetKey, t }: FindingsTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 8,
    getItemKey: (i) => {
      const r = rowAt(i);
      return r ? `${r.rule_id}|${r.indicator_id ?? r.project_id ?? r.doc_id}|${i}` : `pending|${i}`;
    },
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger on purpose.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetKey]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) need(first, last);
  }, [need, first, last, total]);
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div className="review-table-scroll" ref={scrollRef} data-testid="findings-scroll">
      <table className="review-table" data-testid="findings" aria-rowcount={total + 1}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} className={c.className} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.className}
                  aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
                >
                  <button type="button" className="review-sort-button" data-sort={c.key} onClick={() => onSort(c.key)}>
                    {t[c.label]}
                    <span className={`review-sort-mark${active ? ' active' : ''}`} aria-hidden="true">
                      {active ? (sort.desc ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable; hidden so it is not read as an empty row.
            <tr className="review-pad" aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
          {items.map((item) => {
            const r = rowAt(item.index);
            if (!r)
              return (
                <tr key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="review-pending">
                  <td colSpan={COLUMNS.length}>{t.loadingRows}</td>
                </tr>
              );
            return (
              <tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                data-rule={r.rule_id}
                data-severity={r.severity}
              >
                <td>
                  <SeverityBadge severity={r.severity} t={t} />
                </td>
                <td>{formatText(r.department)}</td>
                <td>
                  {r.project_id ? (
                    <ProjectLink projectId={r.project_id} seq={r.seq} name={r.project_name} />
                  ) : (
                    <span className="review-muted">{t.reviewWholeDepartment}</span>
                  )}
                </td>
                <td>{formatText(r.level3)}</td>
                <td className="value">{formatText(r.value_raw)}</td>
                <td>{r.message}</td>
                <td className="review-rule-cell">{ruleTitles.get(r.rule_id) ?? r.rule_id}</td>
                <td className="num">{wan(r.budget_wan)}</td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds nothing focusable; hidden so it is not read as an empty row.
            <tr className="review-pad" aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMNS.length} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function ProjectLink({ projectId, seq, name }: { projectId: string; seq: number | null; name: string | null }) {
  return (
    <a
      href={hrefFor({ view: 'project', project: projectId })}
      onClick={(e) => follow(e, () => navigate({ view: 'project', project: projectId }))}
    >
      {seq !== null && <span className="review-seq">{seq}</span>}
      {formatText(name)}
    </a>
  );
}
