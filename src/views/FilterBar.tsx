import { useStore } from 'zustand';
import type { Messages } from '../i18n';
import { EMPTY_FILTERS, SEVERITIES, type SeverityFilter, setFilters, store } from '../store';
import { severityLabel } from './review/labels';

const collator = new Intl.Collator('zh-CN');

/** Year, region, department and severity filters, shared by every view and kept in the URL. */
export function FilterBar({ t, severity = true, year = true }: { t: Messages; severity?: boolean; year?: boolean }) {
  const filters = useStore(store, (s) => s.filters);
  // The loaded documents are in the store already (refreshed on every load and import).
  const rows = useStore(store, (s) => s.documents);
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const regions = [
    ...new Set(rows.filter((r) => filters.year === null || r.year === filters.year).map((r) => r.region ?? '')),
  ]
    .filter(Boolean)
    .sort(collator.compare);
  const departments = [
    ...new Set(
      rows
        .filter(
          (r) => (filters.year === null || r.year === filters.year) && (!filters.region || r.region === filters.region),
        )
        .map((r) => r.department ?? ''),
    ),
  ]
    .filter(Boolean)
    .sort(collator.compare);
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
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.filterDepartment}
        <select
          value={filters.department ?? ''}
          data-testid="filter-department"
          onChange={(e) => setFilters({ department: e.target.value || null })}
        >
          <option value="">{t.all}</option>
          {departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
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
    </form>
  );
}
