import { useEffect, useState } from 'react';
import type { SourceFile } from '../data';
import type { ParseResult } from '../parse';
import { parseInWorker } from '../worker';

/** Progress of parsing the documents in the worker. */
export type ParseState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; results: ParseResult[] };

/** Parses `files` in the parse worker whenever the array identity changes. */
export function useParseResults(files: SourceFile[]): ParseState {
  const [state, setState] = useState<ParseState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    parseInWorker(files).then(
      (results) => current && setState({ status: 'ready', results }),
      (error: unknown) => current && setState({ status: 'error', error: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [files]);
  return state;
}
