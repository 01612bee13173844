import { describe, expect, it } from 'vitest';
import { spreadOption } from '../../src/charts/families';
import { unitCost } from '../../src/charts/format';
import type { SpreadRow } from '../../src/db/queries-families';

const row = (department: string, value_num: number, value_unit: string, value_raw: string): SpreadRow => ({
  department,
  project_name: `${department}项目`,
  value_raw,
  value_num,
  value_unit,
});

describe('spread chart', () => {
  it('puts one row per unit and labels each dot with the target as written', () => {
    const option = spreadOption(
      [row('甲', 90, '%', '≥90%'), row('乙', 99, '%', '≥99%'), row('甲', 95, '%', '≥95%')],
      '%',
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['甲', '乙']);
    const series = (option.series as { data: { value: number[] }[] }[])[0];
    expect(series?.data.map((d) => d.value)).toEqual([
      [90, 0],
      [99, 1],
      [95, 0],
    ]);
    expect(option.xAxis).toMatchObject({ min: 80, max: 100 });
  });

  it('leaves the axis open for counts and for percentages above 100', () => {
    expect(
      (spreadOption([row('甲', 5, '次', '≥5次'), row('乙', 100, '次', '≥100次')], '次').xAxis as { max?: number }).max,
    ).toBeUndefined();
    expect((spreadOption([row('甲', 120, '%', '≥120%')], '%').xAxis as { max?: number }).max).toBeUndefined();
  });
});

describe('unit cost', () => {
  it('keeps four decimals below 0.1 万元 so small costs do not read as zero', () => {
    expect(unitCost(1)).toBe('1.00');
    expect(unitCost(1234.5)).toBe('1,234.50');
    expect(unitCost(0.05)).toBe('0.0500');
    expect(unitCost(null)).toBe('—');
  });
});
