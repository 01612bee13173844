export { getAppDb, importFiles, refreshDocuments, setLocale, startApp } from './actions';
export { type AppState, type EngineState, type ImportState, initialState, store } from './store';
