import type { ParseResult } from './types';

/** Parses one 部门预算绩效文本 (any supported layout). Never throws on bad input. */
export function parseDocument(text: string, fileName: string): ParseResult {
  // TEMPORARY stub while the parser is written.
  return {
    document: { file: fileName, year: null, yearInferred: false, department: null, region: null, regionCode: null, layout: 'unknown', overall: { goal: text.slice(0, 0), subGoals: [], measures: [] }, projects: [] },
    diagnostics: [],
  };
}
