/** What the URL holds: the view, the shared filters and the view's own selection. */

export const VIEWS = [
  'overview',
  'review',
  'departments',
  'project',
  'families',
  'years',
  'console',
  'documents',
] as const;
export type ViewId = (typeof VIEWS)[number];

export const SEVERITIES = ['high', 'warning', 'info'] as const;
export type SeverityFilter = (typeof SEVERITIES)[number];

/** Filters shared by every view. */
export interface Filters {
  year: number | null;
  region: string | null;
  department: string | null;
  severity: SeverityFilter | null;
}

/** The view and what it is showing. */
export interface Route {
  view: ViewId;
  /** Document (department and year) shown on the departments view. */
  doc: string | null;
  /** Project shown on the project view. */
  project: string | null;
  /** Review workbench selections. */
  rule: string | null;
  category: string | null;
  q: string;
  /** Family shown on the families view, and the indicator category compared there. */
  family: string | null;
  level2: string | null;
  /** Normalised 三级指标 name compared on the families view (within `level2`). */
  level3: string | null;
  /** Whether that comparison spans all projects rather than the family's. */
  allProjects: boolean;
  /** Years compared on the years view (年度对比), and its name-similarity threshold for matching projects. */
  fromYear: number | null;
  toYear: number | null;
  threshold: number | null;
  /** Dataset loaded instead of the embedded samples: `public/datasets/<name>/` (written by `npm run ingest`). */
  dataset: string | null;
  /** Only these years and regions of a partitioned dataset are loaded (empty: all of it). */
  loadYears: number[];
  loadRegions: string[];
}

export const EMPTY_FILTERS: Filters = { year: null, region: null, department: null, severity: null };
export const DEFAULT_ROUTE: Route = {
  view: 'overview',
  doc: null,
  project: null,
  rule: null,
  category: null,
  q: '',
  family: null,
  level2: null,
  level3: null,
  allProjects: false,
  fromYear: null,
  toYear: null,
  threshold: null,
  dataset: null,
  loadYears: [],
  loadRegions: [],
};

/** Dataset names are folder names: letters, digits, '-' and '_' (nothing that leaves `datasets/`). */
const DATASET_NAME = /^[\w-]{1,64}$/;

function yearParam(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 1900 ? n : null;
}

/** A comma-separated URL value as a list (empty entries dropped). */
const list = (value: string | null) => (value ?? '').split(',').filter(Boolean);

/** Reads route and filters from a URL query string (unknown values are ignored). */
export function parseSearch(search: string): { route: Route; filters: Filters } {
  const p = new URLSearchParams(search);
  const view = p.get('view');
  const threshold = Number(p.get('threshold'));
  const severity = p.get('severity');
  return {
    route: {
      view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewId) : 'overview',
      doc: p.get('doc') || null,
      project: p.get('project') || null,
      rule: p.get('rule') || null,
      category: p.get('category') || null,
      q: p.get('q') ?? '',
      family: p.get('family') || null,
      level2: p.get('level2') || null,
      level3: p.get('level3') || null,
      allProjects: p.get('all') === '1',
      fromYear: yearParam(p.get('from')),
      toYear: yearParam(p.get('to')),
      threshold: p.get('threshold') && threshold > 0 && threshold <= 1 ? threshold : null,
      dataset: DATASET_NAME.test(p.get('dataset') ?? '') ? p.get('dataset') : null,
      loadYears: list(p.get('load-years'))
        .map(yearParam)
        .filter((y): y is number => y !== null),
      loadRegions: list(p.get('load-regions')),
    },
    filters: {
      year: yearParam(p.get('year')),
      region: p.get('region') || null,
      department: p.get('dept') || null,
      severity: (SEVERITIES as readonly string[]).includes(severity ?? '') ? (severity as SeverityFilter) : null,
    },
  };
}

/** Writes route and filters as a query string, leaving out what is unset. */
export function toSearch(route: Route, filters: Filters): string {
  const p = new URLSearchParams();
  if (route.view !== 'overview') p.set('view', route.view);
  if (filters.year !== null) p.set('year', String(filters.year));
  if (filters.region) p.set('region', filters.region);
  if (filters.department) p.set('dept', filters.department);
  if (filters.severity) p.set('severity', filters.severity);
  if (route.doc) p.set('doc', route.doc);
  if (route.project) p.set('project', route.project);
  if (route.rule) p.set('rule', route.rule);
  if (route.category) p.set('category', route.category);
  if (route.q) p.set('q', route.q);
  if (route.family) p.set('family', route.family);
  if (route.level2) p.set('level2', route.level2);
  if (route.level3) p.set('level3', route.level3);
  if (route.allProjects) p.set('all', '1');
  if (route.fromYear !== null) p.set('from', String(route.fromYear));
  if (route.toYear !== null) p.set('to', String(route.toYear));
  if (route.threshold !== null) p.set('threshold', String(route.threshold));
  if (route.dataset) p.set('dataset', route.dataset);
  if (route.loadYears.length) p.set('load-years', route.loadYears.join(','));
  if (route.loadRegions.length) p.set('load-regions', route.loadRegions.join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}
