/** pdf.js's worker code, imported to run in this thread (see pdf.ts); it ships without types. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
