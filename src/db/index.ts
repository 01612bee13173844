export { toArrowIPC } from './arrow';
export type { Db, Row } from './db';
export { arrowToRows, QueryError } from './db';
export {
  createViews,
  loadDataset,
  loadParseResults,
  reloadDataset,
  removeDocuments,
  replaceDocuments,
  replaceRecords,
} from './load';
export { DATASET_DIR, type DatasetManifest, MANIFEST_FILE, SUMMARY_FILE } from './manifest';
export { docIdOf, projectIdOf, type Records, recordsOrNull, toRecords } from './records';
export { type ColumnSpec, TABLES, type TableName, type TableSpec, tableSpec } from './schema';
export { ident, literal, literalList, qualified } from './sql';
export { VIEWS, type ViewSpec } from './views';
