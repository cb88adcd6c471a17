import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCommonWords } from './common-words';

/**
 * The en-GB dictionary's ordinary words, read from node_modules (dictionary-en-gb). The
 * extension packages the same index.dic and passes its text to parseCommonWords.
 */
export async function loadCommonWordsNode(): Promise<ReadonlySet<string>> {
  const require = createRequire(import.meta.url);
  // The package exports only its loader (index.js), which sits beside index.dic.
  const folder = dirname(require.resolve('dictionary-en-gb'));
  return parseCommonWords(await readFile(join(folder, 'index.dic'), 'utf8'));
}
