/**
 * A worker thread that runs `extractDocument` on the files it is sent and answers with the outcome, for
 * the extraction fuzz suite: in a thread of its own an extraction that never returns, synchronous loops
 * included, can be timed out and the thread ended. Bundled by esbuild (test/extract/fuzz.test.ts), since
 * a worker thread does not go through Vitest's transform. A rejection or exception that escapes a job
 * is reported against the job that was running.
 */
import { parentPort } from 'node:worker_threads';
import { type ExtractOptions, extractDocument, isExtractError } from '../../src/extract';

/** A file to extract. */
export interface ExtractJob {
  id: number;
  name: string;
  bytes: Uint8Array;
  options: ExtractOptions;
}

/** What became of one file: text, an ExtractError (with its cause's class), another exception, or an escape. */
export type ExtractOutcome =
  | { id: number; type: 'extracted'; chars: number }
  | { id: number; type: 'extract-error'; code: string; cause: string; causeAt: string; message: string }
  | { id: number; type: 'exception'; error: string; message: string; stack: string }
  | { id: number; type: 'escaped'; error: string; message: string; stack: string };

const port = parentPort;
if (!port) throw new Error('extract-worker: run me in a worker thread');

let current = -1;

function describe(e: unknown): { error: string; message: string; stack: string } {
  if (e instanceof Error) return { error: e.name, message: e.message, stack: e.stack ?? '' };
  return { error: typeof e, message: String(e), stack: '' };
}

/** The first frame of an error's stack that is not a Node internal: which module threw. */
function throwerOf(e: unknown): string {
  const frames = e instanceof Error ? (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const frame = frames.find((l) => !l.includes('node:')) ?? frames[0] ?? '';
  return frame.replace(/^.*?\(?(?:file:\/\/)?[^()]*?((?:node_modules|src)\/[^()]*?)\)?$/, '$1').trim();
}

const escaped = (e: unknown) => port.postMessage({ id: current, type: 'escaped', ...describe(e) } as ExtractOutcome);
process.on('unhandledRejection', escaped);
process.on('uncaughtException', escaped);

port.on('message', async (job: ExtractJob) => {
  current = job.id;
  let outcome: ExtractOutcome;
  try {
    const { text } = await extractDocument(job.name, job.bytes, job.options);
    outcome = { id: job.id, type: 'extracted', chars: text.length };
  } catch (e) {
    if (isExtractError(e)) {
      const cause = e.cause instanceof Error ? e.cause.name : e.cause === undefined ? '' : typeof e.cause;
      outcome = {
        id: job.id,
        type: 'extract-error',
        code: e.code,
        cause,
        causeAt: throwerOf(e.cause),
        message: e.message,
      };
    } else outcome = { id: job.id, type: 'exception', ...describe(e) };
  }
  port.postMessage(outcome);
});
