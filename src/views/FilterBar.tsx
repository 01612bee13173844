import { memo, type ReactElement, useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { fill, type Messages } from '../i18n';
import { EMPTY_FILTERS, SEVERITIES, type SeverityFilter, setFilters, store } from '../store';
import { severityLabel } from './review/labels';

const collator = new Intl.Collator('zh-CN');

/**
 * Above this many departments (a province lists 9,000) the filter is a text field that suggests
 * departments as one types, instead of a drop-down nobody can scroll.
 */
const SELECT_LIMIT = 300;

/**
 * The department filter for long lists: a text field with the departments as suggestions
 * (<datalist>). A department applies as soon as the text names one exactly; an empty field is all
 * departments; leaving the field with other text puts back the current filter.
 */
function DepartmentSearch({
  id,
  options,
  value,
  t,
}: {
  id: string;
  options: ReactElement[];
  value: string | null;
  t: Messages;
}) {
  const [draft, setDraft] = useState(value ?? '');
  const names = useMemo(() => new Set(options.map((o) => String(o.key))), [options]);
  useEffect(() => setDraft(value ?? ''), [value]);
  const listId = useId();
  return (
    <>
      <input
        id={id}
        type="search"
        list={listId}
        value={draft}
        placeholder={t.all}
        data-testid="filter-department"
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (next === '') setFilters({ department: null });
          else if (names.has(next)) setFilters({ department: next });
        }}
        onBlur={() => setDraft(value ?? '')}
      />
      <Suggestions id={listId} options={options} />
    </>
  );
}

/**
 * The suggestions, memoised as a component: React would otherwise walk all 9,000 options on every
 * keystroke and filter change (50 ms a change at province size).
 */
const Suggestions = memo(function Suggestions({ id, options }: { id: string; options: ReactElement[] }) {
  return <datalist id={id}>{options}</datalist>;
});

/** One <option> per distinct non-empty value, in collation order. */
function options(values: readonly string[]): ReactElement[] {
  return [...new Set(values)]
    .filter(Boolean)
    .sort(collator.compare)
    .map((v) => (
      <option key={v} value={v}>
        {v}
      </option>
    ));
}

/** Year, region, department and severity filters, shared by every view and kept in the URL. */
export function FilterBar({ t, severity = true, year = true }: { t: Messages; severity?: boolean; year?: boolean }) {
  const filters = useStore(store, (s) => s.filters);
  const departmentId = useId();
  const part = useStore(
    store,
    useShallow((s) => ({ dataset: s.route.dataset, years: s.route.loadYears, regions: s.route.loadRegions })),
  );
  // The loaded documents are in the store already (refreshed on every load and import).
  const rows = useStore(store, (s) => s.documents);
  // A province lists 9,000 departments: the lists (sorted by collation) and their <option>s are
  // made again only when what they depend on changes, not on every filter click.
  const years = useMemo(
    () => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    [rows],
  );
  const regionOptions = useMemo(
    () => options(rows.filter((r) => filters.year === null || r.year === filters.year).map((r) => r.region ?? '')),
    [rows, filters.year],
  );
  const departmentOptions = useMemo(
    () =>
      options(
        rows
          .filter(
            (r) =>
              (filters.year === null || r.year === filters.year) && (!filters.region || r.region === filters.region),
          )
          .map((r) => r.department ?? ''),
      ),
    [rows, filters.year, filters.region],
  );
  const any = filters.year !== null || filters.region || filters.department || filters.severity;
  return (
    <form className="filter-bar" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      {year && (
        <label>
          {t.filterYear}
          <select
            value={filters.year ?? ''}
            data-testid="filter-year"
            onChange={(e) => setFilters({ year: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{t.all}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t.filterRegion}
        <select
          value={filters.region ?? ''}
          data-testid="filter-region"
          onChange={(e) => setFilters({ region: e.target.value || null, department: null })}
        >
          <option value="">{t.all}</option>
          {regionOptions}
        </select>
      </label>
      <label htmlFor={departmentId}>
        {t.filterDepartment}
        {departmentOptions.length > SELECT_LIMIT ? (
          <DepartmentSearch id={departmentId} options={departmentOptions} value={filters.department} t={t} />
        ) : (
          <select
            id={departmentId}
            value={filters.department ?? ''}
            data-testid="filter-department"
            onChange={(e) => setFilters({ department: e.target.value || null })}
          >
            <option value="">{t.all}</option>
            {departmentOptions}
          </select>
        )}
      </label>
      {severity && (
        <label>
          {t.filterSeverity}
          <select
            value={filters.severity ?? ''}
            data-testid="filter-severity"
            onChange={(e) => setFilters({ severity: (e.target.value || null) as SeverityFilter | null })}
          >
            <option value="">{t.all}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(t, s)}
              </option>
            ))}
          </select>
        </label>
      )}
      {any && (
        <button type="button" onClick={() => setFilters(EMPTY_FILTERS)}>
          {t.clearFilters}
        </button>
      )}
      {(part.years.length > 0 || part.regions.length > 0) && (
        <p className="hint" data-testid="loaded-part">
          {fill(t.loadedPart, {
            dataset: part.dataset ?? '',
            part: [...part.years.map(String), ...part.regions].join('、'),
          })}
        </p>
      )}
    </form>
  );
}
