import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, loadParseResults } from '../../src/db';
import { openNodeDb } from '../../src/db/node';
import { CATEGORIES, exampleResult, installRules, RULES } from '../../src/rules';

/** Every rule's examples in one database: documents `<rule>~hit~<i>` and `<rule>~miss~<i>`. */
let db: Db;

beforeAll(async () => {
  db = await openNodeDb();
  const results = RULES.flatMap((r) => [
    ...r.examples.hits.map((e, i) => exampleResult(e, `${r.id}~hit~${i}.txt`)),
    ...r.examples.misses.map((e, i) => exampleResult(e, `${r.id}~miss~${i}.txt`)),
  ]);
  await loadParseResults(db, results);
  await installRules(db);
});

describe('the rule catalogue', () => {
  it('has unique ids, Chinese and English titles, a rationale, a suggestion and examples of both kinds', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.title.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.title.en).toMatch(/[a-z]/i);
      expect(r.rationale.length, r.id).toBeGreaterThan(10);
      expect(r.suggestion.length, r.id).toBeGreaterThan(4);
      expect(r.examples.hits.length, `${r.id} hits`).toBeGreaterThan(0);
      expect(r.examples.misses.length, `${r.id} misses`).toBeGreaterThan(0);
    }
  });

  it('covers every category of DOMAIN.md', () => {
    expect(new Set(RULES.map((r) => r.category))).toEqual(new Set(CATEGORIES));
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('rule %s', (id, rule) => {
  it('finds every example that must be found, with a Chinese message', async () => {
    for (let i = 0; i < rule.examples.hits.length; i++) {
      const rows = await db.query<{ message: string }>(
        `SELECT message FROM rules.${id} WHERE doc_id = '${id}~hit~${i}'`,
      );
      expect(rows.length, `hit example ${i}`).toBeGreaterThan(0);
      for (const r of rows) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('finds nothing in the examples that must not be found', async () => {
    for (let i = 0; i < rule.examples.misses.length; i++) {
      const rows = await db.query(`SELECT message FROM rules.${id} WHERE doc_id = '${id}~miss~${i}'`);
      expect(rows, `miss example ${i}`).toEqual([]);
    }
  });
});
