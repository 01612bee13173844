export { SAMPLES, type SourceFile } from './samples';
