import type { ParseResult, Project } from '../parse';

/** One row of the documents table. */
export interface DocumentSummary {
  file: string;
  department: string | null;
  region: string | null;
  year: number | null;
  yearInferred: boolean;
  projectCount: number;
  /** Sum of the projects' printed 预算数 in 万元; null when no project has one. */
  budgetTotalWan: number | null;
  diagnosticCount: number;
}

/** Sums `budget.total` over the projects that print one; null when none does. */
export function totalBudgetWan(projects: readonly Project[]): number | null {
  let total: number | null = null;
  for (const p of projects) if (p.budget.total !== null) total = (total ?? 0) + p.budget.total;
  return total;
}

/** Reduces a parse result to the figures shown in the documents table. */
export function summarize({ document, diagnostics }: ParseResult): DocumentSummary {
  return {
    file: document.file,
    department: document.department,
    region: document.region,
    year: document.year,
    yearInferred: document.yearInferred,
    projectCount: document.projects.length,
    budgetTotalWan: totalBudgetWan(document.projects),
    diagnosticCount: diagnostics.length,
  };
}
