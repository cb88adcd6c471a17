import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../lib/text/edit-distance';
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

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('hughes', 'hughes', 2)).toBe(0);
    expect(editDistance('hugnes', 'hughes', 2)).toBe(1);
    expect(editDistance('jaobhan', 'siobhan', 3)).toBe(2);
    expect(editDistance('alfarsi', 'alfersi', 1)).toBe(1);
  });

  it('stops at the limit', () => {
    expect(editDistance('amelia', 'zainab', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
