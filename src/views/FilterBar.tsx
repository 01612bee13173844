import { useStore } from 'zustand';
import type { Messages } from '../i18n';
import { type SeverityFilter, setFilters, store } from '../store';
import { useQuery } from './use-query';

interface Scope extends Record<string, unknown> {
  year: number | null;
  region: string | null;
  department: string | null;
}

const collator = new Intl.Collator('zh-CN');

/** Year, region, department and severity filters, shared by every view and kept in the URL. */
export function FilterBar({ t, severity = true }: { t: Messages; severity?: boolean }) {
  const filters = useStore(store, (s) => s.filters);
  const q = useQuery<Scope>('SELECT DISTINCT year, region, department FROM documents');
  const rows = q.status === 'ready' ? q.rows : [];
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
            <option value="high">{t.severityHigh}</option>
            <option value="warning">{t.severityWarning}</option>
            <option value="info">{t.severityInfo}</option>
          </select>
        </label>
      )}
      {any && (
        <button
          type="button"
          onClick={() => setFilters({ year: null, region: null, department: null, severity: null })}
        >
          {t.clearFilters}
        </button>
      )}
    </form>
  );
}
