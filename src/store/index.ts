export {
  getAppDb,
  importFiles,
  moveProjectToFamily,
  refreshDocuments,
  restartEngine,
  setLocale,
  startApp,
} from './actions';
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
export { type AppState, type EngineState, type ImportState, initialState, store } from './store';
