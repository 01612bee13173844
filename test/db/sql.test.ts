import { describe, expect, it } from 'vitest';
import { ident, literal, literalList, qualified } from '../../src/db';
import { freshDb } from '../util/duckdb';

describe('quoting helpers', () => {
  const IDENTS: [string, string][] = [
    ['projects', '"projects"'],
    ['we"ird', '"we""ird"'],
    ['表 名', '"表 名"'],
    ["a'b", '"a\'b"'],
  ];
  for (const [name, quoted] of IDENTS) it(`ident(${name})`, () => expect(ident(name)).toBe(quoted));

  const LITERALS: [string | number | boolean | null | undefined, string][] = [
    ["O'Brien", "'O''Brien'"],
    ["'; DROP TABLE projects; --", "'''; DROP TABLE projects; --'"],
    ['≥95%', "'≥95%'"],
    [3.5, '3.5'],
    [Number.NaN, 'NULL'],
    [Number.POSITIVE_INFINITY, 'NULL'],
    [null, 'NULL'],
    [undefined, 'NULL'],
    [true, 'TRUE'],
  ];
  for (const [value, sql] of LITERALS) it(`literal(${String(value)})`, () => expect(literal(value)).toBe(sql));

  it('ident rejects NUL with the name in the message', () =>
    expect(() => ident('a\u0000b')).toThrow(/invalid identifier: "a\\u0000b"/));
  it('literalList of nothing matches nothing', () => expect(literalList([])).toBe('(NULL)'));
  it('qualified quotes each part', () => expect(qualified('rules', 'x"y')).toBe('"rules"."x""y"'));

  it('round-trips odd names and values through the real engine', async () => {
    const db = await freshDb();
    const table = 'we"ird 表\'name';
    const column = 'a"b; --';
    const value = 'it\'s "quoted"; DROP TABLE x; -- 表';
    await db.exec(`CREATE TABLE ${ident(table)} (${ident(column)} VARCHAR)`);
    await db.exec(`INSERT INTO ${ident(table)} VALUES (${literal(value)})`);
    expect(
      await db.query(
        `SELECT ${ident(column)} AS v FROM ${ident(table)} WHERE ${ident(column)} IN ${literalList([value, 'x'])}`,
      ),
    ).toEqual([{ v: value }]);
    await db.close();
  });
});
