import { parseDocument } from '../parse';
import type { ParseRequest, ParseResponse } from './protocol';

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, files } = event.data;
  let response: ParseResponse;
  try {
    response = { id, ok: true, results: files.map((f) => parseDocument(f.text, f.name)) };
  } catch (error) {
    // parseDocument only throws on programmer errors; report them to the page instead of dying silently.
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
});
