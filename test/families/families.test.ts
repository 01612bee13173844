import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, loadParseResults, replaceDocuments } from '../../src/db';
import { level3OptionsQuery, spreadQuery } from '../../src/db/queries-families';
import { installFamilies, parseFamilies, refreshFamilies } from '../../src/families/families';
import { installRules, refreshFindings } from '../../src/rules';
import { freshDb, getSampleDb, sampleResults } from '../util/duckdb';
import { REVIEWED_FAMILIES } from './reviewed';

let db: Db;
beforeAll(async () => {
  db = await getSampleDb();
  await installRules(db);
  await installFamilies(db, parseFamilies(readFileSync(join(import.meta.dirname, '../../data/families.csv'), 'utf8')));
});

describe('project families', () => {
  it('data/families.csv reads as families with keywords', () => {
    const families = parseFamilies(
      'family_id,name_zh,name_en,keywords\nlegal_counsel,法律顾问,Legal counsel,法律顾问、法律咨询\n',
    );
    expect(families).toEqual([
      { id: 'legal_counsel', nameZh: '法律顾问', nameEn: 'Legal counsel', keywords: ['法律顾问', '法律咨询'] },
    ]);
    expect(() => parseFamilies('family_id,name_zh,name_en,keywords\nBad Id,x,y,z\n')).toThrow(
      /^invalid family id on line 2: Bad Id$/,
    );
  });

  it('assigns every sample project as in the reviewed list, with the reason', async () => {
    const rows = await db.query<{ project_id: string; family_id: string | null; reason: string | null }>(
      'SELECT project_id, family_id, reason FROM project_families ORDER BY project_id',
    );
    expect(Object.fromEntries(rows.map((r) => [r.project_id, r.family_id]))).toEqual(REVIEWED_FAMILIES);
    for (const r of rows) if (r.family_id) expect(r.reason).toMatch(/含“/);
  });

  it('puts the projects the issue names in shared families', async () => {
    const family = async (id: string) =>
      (
        await db.query<{ project_id: string }>(
          `SELECT project_id FROM project_families WHERE family_id = '${id}' ORDER BY project_id`,
        )
      ).map((r) => r.project_id);
    expect(await family('legal_counsel')).toEqual(['000_f89d2670d01150aa#9', '003_1dc3a85c290a1481#11']);
    expect(await family('gov_website')).toEqual(
      expect.arrayContaining(['000_f89d2670d01150aa#12', '003_1dc3a85c290a1481#15']),
    );
    expect(await family('e_gov_network')).toEqual(
      expect.arrayContaining(['000_f89d2670d01150aa#2', '001_a1f1e70e06024129#5']),
    );
    expect(await family('investment_reception')).toEqual(
      expect.arrayContaining(['003_1dc3a85c290a1481#12', '004_cd6aa045fd0140d4#3']),
    );
  });

  it('computes unit costs as budget ÷ quantity target, flagged against the family median', async () => {
    const rows = await db.query<{
      department: string;
      quantity: number;
      unit_cost_wan: number;
      family_median_wan: number;
      outlier: boolean;
    }>(
      "SELECT department, quantity, unit_cost_wan, family_median_wan, outlier FROM family_unit_costs WHERE family_id = 'legal_counsel' ORDER BY unit_cost_wan DESC",
    );
    // 巨鹿县: 5万元 for ≥5次 = 1万元 per consultation; 遵化市: 20万元 for ≥100次 = 0.2万元.
    expect(rows).toEqual([
      { department: '巨鹿县人民政府办公室', quantity: 5, unit_cost_wan: 1, family_median_wan: 0.6, outlier: true },
      { department: '遵化市人民政府办公室', quantity: 100, unit_cost_wan: 0.2, family_median_wan: 0.6, outlier: true },
    ]);
  });

  it('a project moved by the user to another family stays there (overrides win over keywords)', async () => {
    await db.exec("INSERT INTO family_overrides VALUES ('000_f89d2670d01150aa#3', 'duty_room')");
    const [row] = await db.query<{ family_id: string; how: string }>(
      "SELECT family_id, how FROM project_families WHERE project_id = '000_f89d2670d01150aa#3'",
    );
    expect(row).toEqual({ family_id: 'duty_room', how: '手动调整' });
    await db.exec("DELETE FROM family_overrides WHERE project_id = '000_f89d2670d01150aa#3'");
  });

  it('spreads and unit profiles bind and cover every unit', async () => {
    const [spread] = await db.query<{ n: number }>(
      "SELECT count(*) AS n FROM indicator_spread WHERE level2 = '质量指标'",
    );
    expect(spread?.n).toBeGreaterThan(0);
    const profile = await db.query<{ doc_id: string; score: number; peer_median_score: number }>(
      'SELECT doc_id, score, peer_median_score FROM unit_profile',
    );
    expect(profile).toHaveLength(5);
    const scores = profile.map((p) => p.score).sort((a, b) => a - b);
    for (const p of profile) expect(p.peer_median_score).toBeCloseTo(scores[2] ?? 0, 6);
  });

  it('compares a 三级指标 across units by its normalised name', async () => {
    const none = { year: null, region: null, department: null };
    const options = await db.query<{ level3_norm: string; units: number }>(
      level3OptionsQuery('服务对象满意度指标', null, none),
    );
    // "群众满意度", "群众满意度(≥**%)" and "群众满意度（≥**%）" are one indicator set by three units.
    expect(options.find((o) => o.level3_norm === '群众满意度')?.units).toBe(3);
    const exact = await db.query<{ department: string }>(
      "SELECT DISTINCT department FROM indicator_spread WHERE level3 = '群众满意度'",
    );
    expect(exact).toHaveLength(2);
    const spread = await db.query<{ department: string; value_raw: string; value_unit: string }>(
      spreadQuery('服务对象满意度指标', '群众满意度', null, none),
    );
    expect(new Set(spread.map((r) => r.department)).size).toBe(3);
    for (const r of spread) expect(r.value_unit).toBe('%');
    // Scoped to one family, only that family's projects remain.
    const [family] = await db.query<{ family_id: string; n: number }>(
      "SELECT family_id, count(*)::INT AS n FROM indicator_spread WHERE level3_norm = '群众满意度' AND family_id IS NOT NULL GROUP BY ALL ORDER BY n DESC, family_id LIMIT 1",
    );
    expect(family?.n).toBeGreaterThan(0);
    const inFamily = await db.query<{ department: string }>(
      spreadQuery('服务对象满意度指标', '群众满意度', family?.family_id ?? null, none),
    );
    expect(inFamily).toHaveLength(family?.n ?? -1);
  });
});

describe('refreshFamilies after an import', () => {
  it('assigns the imported projects as if they had been loaded at first', async () => {
    const [first, ...rest] = sampleResults();
    if (!first || !rest.length) throw new Error('samples missing');
    const small = await freshDb();
    await loadParseResults(small, [first]);
    await installRules(small);
    await installFamilies(
      small,
      parseFamilies(readFileSync(join(import.meta.dirname, '../../data/families.csv'), 'utf8')),
    );
    await replaceDocuments(small, rest);
    await refreshFindings(small);
    await refreshFamilies(small);
    const rows = await small.query<{ project_id: string; family_id: string | null }>(
      'SELECT project_id, family_id FROM project_families ORDER BY project_id',
    );
    expect(Object.fromEntries(rows.map((r) => [r.project_id, r.family_id]))).toEqual(REVIEWED_FAMILIES);
    await small.close();
  }, 60_000);
});
