import { RULES } from './catalog';

const SEVERITY = { high: '严重 high', warning: '一般 warning', info: '提示 info' } as const;

/** The rule catalogue as a Markdown table, for the README (kept in sync by test/rules/catalog-doc.test.ts). */
export function catalogMarkdown(): string {
  const rows = [...RULES]
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    .map(
      (r) => `| \`${r.id}\` | ${r.category} | ${SEVERITY[r.severity]} | ${r.title.zh} / ${r.title.en} | ${r.source} |`,
    );
  return `| rule | category | severity | title | source |\n|---|---|---|---|---|\n${rows.join('\n')}\n`;
}
