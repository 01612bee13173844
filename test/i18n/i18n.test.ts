import { describe, expect, it } from 'vitest';
import { fill, MESSAGES } from '../../src/i18n';

describe('i18n', () => {
  it('every locale defines the same keys', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });
  it('fill(message, values) replaces known placeholders and keeps unknown ones', () => {
    expect(fill('共 {n} 份，{x}', { n: 5 })).toBe('共 5 份，{x}');
  });
});
