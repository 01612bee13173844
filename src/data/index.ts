export { decodeText } from './decode';
export { fetchDataset, type DatasetProgress } from './dataset';

/** A source document: file name (no folder) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}
