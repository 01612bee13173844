import { createStore } from 'zustand/vanilla';
import type { OverviewSummary } from '../data/dataset';
import type { DocumentRow } from '../db/queries';
import type { Locale } from '../i18n';
import { DEFAULT_ROUTE, EMPTY_FILTERS, type Filters, type Route } from './route';

/** Engine and dataset start-up, shown as the loading screen. */
export interface EngineState {
  status: 'starting' | 'loading' | 'ready' | 'error';
  /** Progress 0-1 of the current phase, or null when unknown. */
  progress: number | null;
  error: string | null;
}

/** An import of documents parsed in the browser. */
export interface ImportState {
  status: 'idle' | 'parsing' | 'loading' | 'done' | 'error';
  files: number;
  error: string | null;
  /** Documents added by the last import. */
  added: number;
  /** Imports started since the page opened. */
  runs: number;
}

export interface AppState {
  locale: Locale;
  route: Route;
  filters: Filters;
  engine: EngineState;
  /** Bumped whenever the tables change, so queries re-run. */
  dataVersion: number;
  /** Findings and scores are computed after the data loads; views that need them wait. */
  rulesReady: boolean;
  /** Precomputed overview shown while the engine starts. */
  summary: OverviewSummary | null;
  documents: DocumentRow[];
  importing: ImportState;
}

export const initialState: AppState = {
  locale: 'zh',
  route: DEFAULT_ROUTE,
  filters: EMPTY_FILTERS,
  engine: { status: 'starting', progress: null, error: null },
  dataVersion: 0,
  rulesReady: false,
  summary: null,
  documents: [],
  importing: { status: 'idle', files: 0, error: null, added: 0, runs: 0 },
};

/** The app's one store: UI state and small query results; DuckDB holds the records. */
export const store = createStore<AppState>()(() => initialState);
