export { parseInWorker } from './client';
export type { ParseRequest, ParseResponse } from './protocol';
