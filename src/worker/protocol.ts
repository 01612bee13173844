import type { SourceFile } from '../data';
import type { ParseResult } from '../parse';

/** Message the page posts to the parse worker. */
export interface ParseRequest {
  id: number;
  files: SourceFile[];
}

/** Message the parse worker posts back: one result per file, in request order, or the error. */
export type ParseResponse = { id: number; ok: true; results: ParseResult[] } | { id: number; ok: false; error: string };
