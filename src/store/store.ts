import { createStore } from 'zustand/vanilla';
import type { OverviewSummary } from '../data/dataset';
import type { DocumentRow } from '../db/queries';
import type { Locale } from '../i18n';
import type { StoredInfo } from '../storage/library';
import type { ImportProgress } from '../worker';
import type { ImportReport } from './import-report';
import { DEFAULT_ROUTE, EMPTY_FILTERS, type Filters, type Route } from './route';

/** Engine and dataset start-up, shown as the loading screen. */
export interface EngineState {
  status: 'starting' | 'loading' | 'ready' | 'error';
  /** Progress 0-1 of the current phase, or null when unknown. */
  progress: number | null;
  error: string | null;
}

/** An import of documents read in the browser. */
export interface ImportState {
  status: 'idle' | 'reading' | 'loading' | 'done' | 'error' | 'cancelled';
  progress: ImportProgress;
  /** Why the last import failed as a whole (nothing was changed); per-file problems are in `report`. */
  error: string | null;
  /** The browser's storage refused the import (quota, broken store), rather than the database. */
  storageFailed: boolean;
  /** Imports started since the page opened. */
  runs: number;
  report: ImportReport | null;
}

/** The browser's store of imported documents and whether the embedded samples are shown. */
export interface LibraryState {
  status: 'opening' | 'ready' | 'unavailable';
  /** Why the store is unavailable. */
  error: string | null;
  /** Why the last removal or reload failed (the data were left as they were). */
  failure: string | null;
  stored: StoredInfo[];
  samplesEnabled: boolean;
  /** Document ids of the embedded sample dataset. */
  sampleIds: string[];
}

/**
 * Something that went wrong outside any one view, told once at the top of the page until dismissed.
 * Each says what happened and what became of the data.
 */
export type Notice =
  /** The engine crashed (worker died, heap exhausted) and was restarted with the stored data. */
  | { kind: 'engine-restarted'; reason: string }
  /** The engine crashed again right after a restart; it is not restarted once more. */
  | { kind: 'engine-failed'; reason: string }
  /** The page was closed or reloaded during an import: which of its files were saved, which not. */
  | { kind: 'import-interrupted'; saved: string[]; lost: string[] }
  /** Stored documents that could not be read: re-read from their original file, or left out. */
  | { kind: 'stored-damaged'; recovered: string[]; skipped: { docId: string; fileName: string }[] };

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
  library: LibraryState;
  notices: Notice[];
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
  importing: {
    status: 'idle',
    progress: { done: 0, total: 0, current: null },
    error: null,
    storageFailed: false,
    runs: 0,
    report: null,
  },
  library: { status: 'opening', error: null, failure: null, stored: [], samplesEnabled: true, sampleIds: [] },
  notices: [],
};

/** The app's one store: UI state and small query results; DuckDB holds the records. */
export const store = createStore<AppState>()(() => initialState);

/** Tells the user about `notice` (see {@link Notice}). */
export function addNotice(notice: Notice): void {
  store.setState((s) => ({ notices: [...s.notices, notice] }));
}

/** Removes the notice the user closed. */
export function dismissNotice(notice: Notice): void {
  store.setState((s) => ({ notices: s.notices.filter((n) => n !== notice) }));
}
