export { decodeText } from './decode';
export { type DatasetProgress, fetchDataset, fetchDemoFiles, fetchFamilies, fetchSummary, type OverviewSummary } from './dataset';

/** A source document: file name (no folder) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}
