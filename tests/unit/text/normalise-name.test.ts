import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../../lib/text/normalise-name';

describe('normaliseName', () => {
  it.each([
    ['Wiśniewski', 'wisniewski'],
    ["O'Connor", 'oconnor'],
    ['O’Connor', 'oconnor'],
    ['Al-Farsi', 'alfarsi'],
    ['Zoë', 'zoe'],
    ['Siobhán', 'siobhan'],
    ['Łukasz', 'lukasz'],
    ["Whitfield's", 'whitfield'],
    ['HUGHES,', 'hughes'],
  ])('%s -> %s', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it('undoes digit-for-letter misreadings only for OCR, and leaves numbers alone', () => {
    expect(normaliseName('0', true)).toBe('o');
    expect(normaliseName('Wi1son', true)).toBe('wilson');
    expect(normaliseName('Wi1son')).toBe('wison');
    expect(normaliseName('2025', true)).toBe('');
  });
});
