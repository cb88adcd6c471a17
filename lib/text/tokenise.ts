import type { WordLine } from './types';

/**
 * Splits a post's text into words with their character ranges, one line per paragraph.
 * Each word keeps its punctuation (sentence ends and "Name:" labels matter to the matcher);
 * its range covers the word itself, for highlighting.
 */
export function tokenise(text: string): WordLine[] {
  const lines: WordLine[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    const words = [...paragraph.matchAll(/\S+/g)].map((match) => {
      const start = offset + match.index;
      const core = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(match[0]);
      const span = core ? { start: start + core.index, end: start + core.index + core[0].length } : { start, end: start + match[0].length };
      return { text: match[0], span };
    });
    if (words.length > 0) lines.push({ words });
    offset += paragraph.length + 1;
  }
  return lines;
}
