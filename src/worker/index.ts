export { ImportCancelled, type ImportProgress, importInWorker, storedInWorker } from './client';
export type { FileOutcome, ImportErrorCode, ImportFile, RecordBatch, WorkerRequest, WorkerResponse } from './protocol';
