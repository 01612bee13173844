import { expect, it } from 'vitest';
import { openNodeDb } from '../../src/db/node';
import { num } from '../../src/rules/sql-parts';

it('num() prints numbers for messages without trailing zeros, keeping integer zeros', async () => {
  const db = await openNodeDb();
  const cases: [string, string][] = [
    ['100', '100'],
    ['100.5', '100.5'],
    ['72.384', '72.38'],
    ['0', '0'],
    ['1521.6', '1521.6'],
    ['417694', '417694'],
    ['25::INTEGER', '25'],
    ['0.05', '0.05'],
  ];
  const [row] = await db.query(`SELECT ${cases.map(([e], i) => `${num(e)} AS c${i}`).join(', ')}`);
  expect(Object.values(row ?? {})).toEqual(cases.map(([, out]) => out));
  await db.close();
});
