/**
 * Ordinary English words, from a Hunspell dictionary (.dic text: a count line, then
 * `word/FLAGS` per line). Only lower-case entries are kept: the dictionary writes proper
 * nouns capitalised, so "rose", "will" and "grace" are words while "Amelia" is not.
 */
export function parseCommonWords(dic: string): ReadonlySet<string> {
  const words = new Set<string>();
  for (const line of dic.split('\n').slice(1)) {
    const word = line.split('/')[0]!.trim();
    if (word !== '' && word === word.toLowerCase() && /^\p{L}+$/u.test(word)) words.add(word);
  }
  return words;
}
