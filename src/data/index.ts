export { decodeText } from './decode';
export {
  DATASETS_DIR,
  type DatasetPart,
  type DatasetSource,
  datasetFolder,
  fetchDemoFiles,
  fetchFamilies,
  fetchSummary,
  type OverviewSummary,
  openDataset,
  openDatasetPart,
} from './dataset';

/** A source document: file name (no folder) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}
