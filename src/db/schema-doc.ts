import { TABLES } from './schema';
import { VIEWS } from './views';

/** The schema as Markdown (tables, columns, types, units, meanings, then the views), for the README. */
export function schemaMarkdown(): string {
  const out: string[] = [];
  for (const t of TABLES) {
    out.push(`#### \`${t.name}\`: ${t.doc}`, '', '| column | type | unit | meaning |', '|---|---|---|---|');
    for (const c of t.columns)
      out.push(`| \`${c.name}\` | ${c.type} | ${c.unit ?? ''} | ${c.doc.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  out.push('#### Views', '', '| view | what it gives |', '|---|---|');
  for (const v of VIEWS) out.push(`| \`${v.name}\` | ${v.doc} |`);
  return `${out.join('\n')}\n`;
}
