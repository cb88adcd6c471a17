/** A line whose word (before any `/FLAGS`) is all lower-case letters: one pass over the text, twice as fast as line by line. */
const LOWER_CASE_ENTRY = /^[^\S\n]*([\p{Ll}\p{Lm}\p{Lo}]+)[^\S\n]*(?:\/|$)/gmu;

/**
 * Ordinary English words, from a Hunspell dictionary (.dic text: a count line, then
 * `word/FLAGS` per line). Only lower-case entries are kept: the dictionary writes proper
 * nouns capitalised, so "rose", "will" and "grace" are words while "Amelia" is not.
 */
export function parseCommonWords(dic: string): ReadonlySet<string> {
  const words = new Set<string>();
  for (const [, word] of dic.matchAll(LOWER_CASE_ENTRY)) words.add(word!);
  return words;
}
