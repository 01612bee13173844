import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, EMPTY_FILTERS, parseSearch, toSearch } from '../../src/store/route';

describe('route in the URL', () => {
  it('keeps the years view’s years and threshold through a round trip', () => {
    const route = {
      ...DEFAULT_ROUTE,
      view: 'years' as const,
      fromYear: 2023,
      toYear: 2025,
      threshold: 0.45,
      project: 'a#1',
    };
    const search = toSearch(route, EMPTY_FILTERS);
    expect(search).toBe('?view=years&project=a%231&from=2023&to=2025&threshold=0.45');
    expect(parseSearch(search).route).toEqual(route);
  });

  it('ignores a threshold outside (0, 1] and years that are not years', () => {
    const { route } = parseSearch('?view=years&threshold=1.5&from=abc&to=99');
    expect(route).toMatchObject({ threshold: null, fromYear: null, toYear: null });
  });

  it('keeps the dataset and the part of it loaded; refuses dataset names that leave datasets/', () => {
    const route = { ...DEFAULT_ROUTE, dataset: 'province', loadYears: [2024], loadRegions: ['安川县', '巨鹿县'] };
    const search = toSearch(route, EMPTY_FILTERS);
    expect(parseSearch(search).route).toEqual(route);
    expect(parseSearch('?dataset=../data').route.dataset).toBeNull();
    expect(parseSearch('?dataset=a%2Fb').route.dataset).toBeNull();
    expect(parseSearch('?load-years=2024,abc,,2025').route.loadYears).toEqual([2024, 2025]);
  });
});
