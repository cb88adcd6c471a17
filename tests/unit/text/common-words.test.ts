import { describe, expect, it } from 'vitest';
import { parseCommonWords } from '../../../lib/text/common-words';
import { loadCommonWordsNode } from '../../../lib/text/common-words-node';

describe('common words', () => {
  it('keeps lower-case dictionary entries and drops proper nouns and flags', () => {
    const words = parseCommonWords('4\nrose/MS\nRose/M\nAmelia/M\nwill/SG\n');
    expect([...words].sort()).toEqual(['rose', 'will']);
  });

  it('reads Windows line ends and an entry without flags, and drops entries with digits or punctuation', () => {
    const words = parseCommonWords("6\r\nrose/MS\r\nwill\r\n0th/pt\r\ncan't/X\r\nzoë\r\nHughes\r\n");
    expect([...words].sort()).toEqual(['rose', 'will', 'zoë']);
  });

  it('reads the packaged en-GB dictionary: ordinary words yes, names no', async () => {
    const words = await loadCommonWordsNode();
    for (const word of ['rose', 'will', 'grace', 'hope', 'jack', 'harry']) expect(words.has(word)).toBe(true);
    for (const name of ['amelia', 'arjun', 'siobhan', 'kacper', 'zainab']) expect(words.has(name)).toBe(false);
  });
});
