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
});
