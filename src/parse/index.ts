export * from './types';
export { parseDocument } from './document';
