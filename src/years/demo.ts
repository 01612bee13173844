/** How the file names of generated years begin, so they can be told from real documents. */
export const DEMO_PREFIX = 'demo-';

/** Folder (under the app's base) where `npm run ingest` writes the generated demo years. */
export const DEMO_DIR = 'demo';
