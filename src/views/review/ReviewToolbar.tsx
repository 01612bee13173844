import { useEffect, useRef, useState } from 'react';
import type { CategoryRow } from '../../db/queries-review';
import { fill, type Messages } from '../../i18n';
import { navigate } from '../../store';
import type { ExportFormat } from './export';

/** Where an export stands; a finished one remembers the selection (`key`) it was made for. */
export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: ExportFormat }
  | { status: 'done'; file: string; key: string }
  | { status: 'error'; error: string; key: string };

/** Props of {@link ReviewToolbar}. */
export interface ReviewToolbarProps {
  categories: readonly CategoryRow[];
  category: string | null;
  q: string;
  exporting: ExportState;
  onExport: (format: ExportFormat) => void;
  t: Messages;
}

const SEARCH_DELAY_MS = 250;

/** Indicator-category select, search box (into the URL after a short pause) and the export buttons. */
export function ReviewToolbar({ categories, category, q, exporting, onExport, t }: ReviewToolbarProps) {
  const groups = new Map<string, string[]>();
  for (const c of categories) {
    const list = groups.get(c.level1) ?? [];
    if (c.level2) list.push(c.level2);
    groups.set(c.level1, list);
  }
  const known = new Set([...groups].flatMap(([l1, l2s]) => [l1, ...l2s.map((l2) => `${l1}/${l2}`)]));
  const busy = exporting.status === 'running';
  return (
    <div className="review-toolbar">
      <label>
        {t.reviewIndicatorCategory}
        <select
          value={category ?? ''}
          data-testid="filter-category"
          onChange={(e) => navigate({ category: e.target.value || null })}
        >
          <option value="">{t.reviewAllCategories}</option>
          {category && !known.has(category) && <option value={category}>{category}</option>}
          {[...groups].map(([l1, l2s]) => (
            <optgroup key={l1} label={l1}>
              <option value={l1}>{fill(t.reviewAllOfLevel1, { level1: l1 })}</option>
              {l2s.map((l2) => (
                <option key={l2} value={`${l1}/${l2}`}>
                  {l2}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <SearchBox q={q} t={t} />
      <fieldset className="review-export">
        <legend className="visually-hidden">{t.reviewExport}</legend>
        <button type="button" data-testid="export-csv" disabled={busy} onClick={() => onExport('csv')}>
          {t.exportCsv}
        </button>
        <button type="button" data-testid="export-xlsx" disabled={busy} onClick={() => onExport('xlsx')}>
          {t.exportXlsx}
        </button>
        <span className="review-export-status" aria-live="polite" data-testid="export-status">
          {exporting.status === 'running' && t.reviewExporting}
          {exporting.status === 'done' && fill(t.reviewExported, { file: exporting.file })}
        </span>
      </fieldset>
    </div>
  );
}

/** The search box: typing updates the URL's `q` after a pause; Back/Forward update the box. */
function SearchBox({ q, t }: { q: string; t: Messages }) {
  const [text, setText] = useState(q);
  const pushed = useRef(q);

  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);

  useEffect(() => {
    if (text === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = text;
      navigate({ q: text });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <label className="review-search">
      {t.reviewSearch}
      <input
        type="search"
        value={text}
        placeholder={t.reviewSearchPlaceholder}
        data-testid="review-search"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            pushed.current = text;
            navigate({ q: text });
          }
        }}
      />
    </label>
  );
}
