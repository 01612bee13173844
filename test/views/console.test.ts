import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../src/db';
import {
  groupSchema,
  SCHEMA_QUERY,
  type SchemaColumnRow,
  type SchemaGroups,
  sqlName,
} from '../../src/db/queries-console';
import { installRules, RULES } from '../../src/rules';
import { indent, insertName, type TextEdit } from '../../src/views/console/editor-text';
import { exportFileName, resultCsv } from '../../src/views/console/result-csv';
import { getSampleDb } from '../util/duckdb';

/** Applies an edit to `text` with the selection marked `[` `]` (or `|` for a caret), and marks the new selection. */
function edit(marked: string, f: (value: string, start: number, end: number) => TextEdit): string {
  const caret = marked.indexOf('|');
  const start = caret >= 0 ? caret : marked.indexOf('[');
  const value = marked.replace(/[|[\]]/g, '');
  const end = caret >= 0 ? caret : marked.indexOf(']') - 1;
  const e = f(value, start, end);
  const out = value.slice(0, e.from) + e.text + value.slice(e.to);
  return e.start === e.end
    ? `${out.slice(0, e.start)}|${out.slice(e.start)}`
    : `${out.slice(0, e.start)}[${out.slice(e.start, e.end)}]${out.slice(e.end)}`;
}

const INSERT_CASES: { before: string; name: string; after: string }[] = [
  { before: 'SELECT * FROM |', name: 'projects', after: 'SELECT * FROM projects|' },
  { before: 'SELECT * FROM|', name: 'projects', after: 'SELECT * FROM projects|' },
  { before: 'SELECT |FROM x', name: 'name', after: 'SELECT name |FROM x' },
  { before: 'SELECT [foo] FROM x', name: 'budget_wan', after: 'SELECT budget_wan| FROM x' },
  { before: 'sum(|)', name: 'budget_wan', after: 'sum(budget_wan|)' },
  { before: '|', name: 'rules.cost_with_ge', after: 'rules.cost_with_ge|' },
];

const INDENT_CASES: { name: string; before: string; outdent?: boolean; after: string }[] = [
  { name: 'a caret gets two spaces', before: 'SELECT|', after: 'SELECT  |' },
  { name: 'a selection within a line is replaced', before: 'a[bc]d', after: 'a  |d' },
  {
    name: 'selected lines are indented',
    before: 'SELECT a,\n[b,\nc]\nFROM x',
    after: 'SELECT a,\n  [b,\n  c]\nFROM x',
  },
  {
    name: 'selected lines are outdented',
    before: 'SELECT a,\n  [b,\n c]\nFROM x',
    outdent: true,
    after: 'SELECT a,\n[b,\nc]\nFROM x',
  },
  { name: 'Shift+Tab at a caret outdents its line', before: '    b|', outdent: true, after: '  b|' },
];

describe('SQL editor text edits', () => {
  for (const c of INSERT_CASES)
    it(`insertName(${JSON.stringify(c.before)}, ${c.name})`, () => {
      expect(edit(c.before, (v, s, e) => insertName(v, s, e, c.name))).toBe(c.after);
    });
  for (const c of INDENT_CASES)
    it(`indent: ${c.name}`, () => {
      expect(edit(c.before, (v, s, e) => indent(v, s, e, c.outdent))).toBe(c.after);
    });
});

describe('resultCsv(columns, rows)', () => {
  it('writes a BOM, a header, numbers in full and neutralised formulas', () => {
    const csv = resultCsv(
      ['department', 'budget_wan', 'note', 'flag'],
      [
        { department: '巨鹿县行政审批局', budget_wan: 12345.678, note: '=HYPERLINK("x")', flag: true },
        { department: null, budget_wan: null, note: 'a "quoted" word', flag: false },
      ],
    );
    expect(csv).toBe(
      '\ufeff"department","budget_wan","note","flag"\r\n' +
        '"巨鹿县行政审批局","12345.678","\'=HYPERLINK(""x"")","true"\r\n' +
        '"","","a ""quoted"" word","false"\r\n',
    );
  });

  it('exportFileName(date) is stamped with the local time', () => {
    expect(exportFileName(new Date(2024, 2, 21, 9, 30, 15))).toBe('query-20240321-093015.csv');
  });
});

describe('schema listing (SCHEMA_QUERY on the real engine)', () => {
  let groups: SchemaGroups;
  beforeAll(async () => {
    const db = await getSampleDb();
    await installRules(db);
    groups = groupSchema(await db.query<SchemaColumnRow>(SCHEMA_QUERY));
  });

  it('lists the loaded tables, the views and results derived from them, and the rule views in their groups', () => {
    const names = (g: keyof SchemaGroups) => groups[g].map((t) => t.sqlName);
    expect(names('tables')).toEqual(TABLES.map((t) => t.name).sort());
    expect(names('views')).toEqual(
      expect.arrayContaining([
        'findings',
        'project_scores',
        'department_scores',
        'region_scores',
        'department_summary',
        'schedule_by_month',
        'indicator_mix',
        'value_kinds',
      ]),
    );
    expect(names('rules')).toEqual(expect.arrayContaining(['rules.catalog', ...RULES.map((r) => `rules.${r.id}`)]));
    expect(groups.tables.every((t) => !t.isView)).toBe(true);
    expect(groups.views.find((t) => t.name === 'department_summary')?.isView).toBe(true);
  });

  it('gives every table its columns with types, in table order', () => {
    const projects = groups.tables.find((t) => t.name === 'projects');
    expect(projects?.columns.slice(0, 2)).toEqual([
      { name: 'project_id', sqlName: 'project_id', type: 'VARCHAR' },
      { name: 'doc_id', sqlName: 'doc_id', type: 'VARCHAR' },
    ]);
    expect(projects?.columns.find((c) => c.name === 'budget_wan')?.type).toBe('DOUBLE');
  });

  it('sqlName(name) quotes what is not a plain identifier or is reserved', () => {
    expect([sqlName('budget_wan'), sqlName('预算'), sqlName('Name'), sqlName('a"b'), sqlName('order', true)]).toEqual([
      'budget_wan',
      '"预算"',
      '"Name"',
      '"a""b"',
      '"order"',
    ]);
  });
});
