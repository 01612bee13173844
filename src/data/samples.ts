/** A source document: file name (no folder) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}

const RAW = import.meta.glob<string>('/data/*.txt', { query: '?raw', import: 'default', eager: true });

/** The embedded sample documents (data/*.txt), sorted by file name. */
export const SAMPLES: SourceFile[] = Object.entries(RAW)
  .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
