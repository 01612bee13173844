export type { StoredInfo } from '../storage/library';
export { moveProjectToFamily, restartEngine, setLocale, setYearThreshold, startApp } from './actions';
export { errorMessage, getAppDb, isOutOfMemory, refreshDocuments } from './engine';
export type { FileReport, ImportReport, ReportDiagnostic } from './import-report';
export {
  cancelImport,
  importFiles,
  loadDemoYears,
  reloadData,
  removeDamaged,
  removeImported,
  setSamplesEnabled,
  yearThreshold,
} from './imports';
export { hrefFor, navigate, setFilters, syncWithUrl } from './navigation';
export {
  DEFAULT_ROUTE,
  EMPTY_FILTERS,
  type Filters,
  parseSearch,
  type Route,
  SEVERITIES,
  type SeverityFilter,
  toSearch,
  VIEWS,
  type ViewId,
} from './route';
export {
  type AppState,
  addNotice,
  dismissNotice,
  type EngineState,
  type ImportState,
  initialState,
  type LibraryState,
  type Notice,
  store,
} from './store';
