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

export interface CorpusDocument {
  /** Relative to the corpus folder, as in the post cases. */
  file: string;
  kind: 'certificate' | 'work' | 'negative';
  /** Roster full names legible in the image. */
  names_visible: string[];
  faces_in_image: number;
}

/** The corpus's labelled documents (certificates, pupils' work and negatives). */
export const corpusDocuments = (): CorpusDocument[] => JSON.parse(readFileSync(corpusPath('documents', 'documents.json'), 'utf8')) as CorpusDocument[];

/** Whether a post's photos are all documents of these kinds, none with a face in it. */
export function onlyDocuments(post: Pick<CorpusCase, 'images'>, kinds: CorpusDocument['kind'][]): boolean {
  const documents = corpusDocuments();
  return post.images.length > 0 && post.images.every((image) => documents.some((doc) => doc.file === image && kinds.includes(doc.kind) && doc.faces_in_image === 0));
}

interface CorpusGroup {
  file: string;
  faces: number;
  identities_present: string[];
}

/**
 * Whether a post's photos are all group photos in which no one on the roster appears. A single stranger's score can
 * sit close to the "unknown" threshold, and Chromium's decoding differs slightly between CPUs; a photo of strangers
 * only is held on every machine, whichever faces land on which side.
 */
export function onlyStrangers(post: Pick<CorpusCase, 'images'>): boolean {
  const groups = JSON.parse(readFileSync(corpusPath('faces', 'groups', 'groups.json'), 'utf8')) as CorpusGroup[];
  return post.images.length > 0 && post.images.every((image) => groups.some((group) => group.file === image && group.faces > 1 && group.identities_present.length === 0));
}
