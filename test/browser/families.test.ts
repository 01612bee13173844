import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitCost } from '../../src/charts/format';
import { installFamilies, parseFamilies } from '../../src/families/families';
import { ROOT } from '../util/app-server';
import { setUpAppSession } from '../util/app-session';

const session = setUpAppSession();

describe('families view (横向比较)', () => {
  it('puts legal counsel of 巨鹿县 and 遵化市 side by side with the unit costs SQL gives, and keeps a moved project moved after a reload', async () => {
    const { readFileSync } = await import('node:fs');
    await installFamilies(session.db, parseFamilies(readFileSync(join(ROOT, 'data/families.csv'), 'utf8')));
    const expected = await session.db.query<{ project_id: string; unit_cost_wan: number; outlier: boolean }>(
      "SELECT project_id, unit_cost_wan, outlier FROM family_unit_costs WHERE family_id = 'legal_counsel' ORDER BY unit_cost_wan DESC",
    );
    const context = await session.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${session.server.url}?view=families`);
    await page.getByTestId('families').waitFor({ timeout: 60_000 });
    await page.locator('[data-family="legal_counsel"]').click();
    await expect.poll(() => page.url()).toContain('family=legal_counsel');
    const rows = page.locator('[data-testid=unit-costs] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-project'), tr.querySelector('[data-col=unit-cost]')?.textContent]),
    );
    expect(shown).toEqual(expected.map((e) => [e.project_id, `${unitCost(e.unit_cost_wan)}/次`]));
    expect(await page.locator('[data-testid=unit-costs] tbody tr.outlier').count()).toBe(
      expected.filter((e) => e.outlier).length,
    );
    expect(await page.getByTestId('family-targets').textContent()).toContain('≥100 次');
    await page.getByTestId('chart-family-budget').locator('canvas').first().waitFor();
    await mkdir(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results/families.png'), fullPage: true });

    // The spread of one 三级指标 across all units: three units set 群众满意度 under varying names.
    await page.getByTestId('spread-all').check();
    await expect.poll(() => page.url()).toContain('all=1');
    await page.getByTestId('spread-level2').selectOption('服务对象满意度指标');
    await expect
      .poll(() => page.getByTestId('spread-level3').locator('option').allTextContents(), { timeout: 30_000 })
      .toContain('群众满意度（3 个单位）');
    await page.getByTestId('spread-level3').selectOption('群众满意度');
    await expect.poll(() => page.url()).toContain(`level3=${encodeURIComponent('群众满意度')}`);
    await page.getByTestId('chart-spread').locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('chart-spread').screenshot({ path: join(ROOT, 'test-results/families-spread.png') });

    // Move 督查室经费 (office operations by its keywords) to the duty-room family; the choice survives a reload.
    await page.locator('[data-family="office_operations"]').click();
    const row = page.locator('[data-testid=family-projects] tr[data-project="000_f89d2670d01150aa#3"]');
    await row.locator('select').selectOption('duty_room');
    await row.waitFor({ state: 'detached', timeout: 30_000 });
    await page.reload();
    await page.locator('[data-family="duty_room"]').click();
    await page
      .locator('[data-testid=family-projects] tr[data-project="000_f89d2670d01150aa#3"]')
      .waitFor({ timeout: 30_000 });
    expect(
      await page.locator('[data-testid=family-projects] tr[data-project="000_f89d2670d01150aa#3"]').textContent(),
    ).toContain('手动调整');
    expect(errors).toEqual([]);
    await context.close();
  });
});
