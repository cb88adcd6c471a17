import { readFileSync } from 'node:fs';
import { corpusPath } from '../../support/corpus';

interface CorpusCase {
  id: string;
  platform: 'x' | 'facebook';
  text: string;
  images: string[];
  expected: 'pass' | 'warn' | 'block';
  reasons: string[];
}

/** A labelled post of the corpus, chosen by what it is, never by file name. */
export function corpusCase(description: string, matches: (post: CorpusCase) => boolean): CorpusCase & { imagePaths: string[] } {
  const cases = JSON.parse(readFileSync(corpusPath('posts', 'cases.json'), 'utf8')) as CorpusCase[];
  const found = cases.find(matches);
  if (found === undefined) throw new Error(`The corpus has no post case that is ${description}.`);
  return { ...found, imagePaths: found.images.map((image) => corpusPath(image)) };
}
