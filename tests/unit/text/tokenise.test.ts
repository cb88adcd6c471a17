import { describe, expect, it } from 'vitest';
import { tokenise } from '../../../lib/text/tokenise';

describe('tokenise', () => {
  it('splits paragraphs into words keeping punctuation, with ranges around the word itself', () => {
    const text = 'Well done, Amelia!\n\n"Name: Tom"';
    const lines = tokenise(text);
    expect(lines.map((line) => line.words.map((word) => word.text))).toEqual([
      ['Well', 'done,', 'Amelia!'],
      ['"Name:', 'Tom"'],
    ]);
    const amelia = lines[0]!.words[2]!.span!;
    expect(text.slice(amelia.start, amelia.end)).toBe('Amelia');
    const tom = lines[1]!.words[1]!.span!;
    expect(text.slice(tom.start, tom.end)).toBe('Tom');
  });
});
