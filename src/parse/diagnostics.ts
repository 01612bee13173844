import type { Diagnostic, Severity } from './types';

/** Collects diagnostics while a document is read. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  /** Records one diagnostic; `line` is 1-based, `project` the table number. */
  add(
    severity: Severity,
    code: string,
    message: string,
    line: number | null = null,
    project: number | null = null,
  ): void {
    this.items.push({ severity, code, message, line, project });
  }
}
