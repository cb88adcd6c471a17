import { describe, expect, it } from 'vitest';
import { parseCommonWords } from '../../../lib/text/common-words';
import { loadCommonWordsNode } from '../../../lib/text/common-words-node';

describe('common words', () => {
  it('keeps lower-case dictionary entries and drops proper nouns and flags', () => {
    const words = parseCommonWords('4\nrose/MS\nRose/M\nAmelia/M\nwill/SG\n');
    expect([...words].sort()).toEqual(['rose', 'will']);
  });

  it('reads the packaged en-GB dictionary: ordinary words yes, names no', async () => {
    const words = await loadCommonWordsNode();
    for (const word of ['rose', 'will', 'grace', 'hope', 'jack', 'harry']) expect(words.has(word)).toBe(true);
    for (const name of ['amelia', 'arjun', 'siobhan', 'kacper', 'zainab']) expect(words.has(name)).toBe(false);
  });
});
