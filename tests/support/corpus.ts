import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The labelled corpus lives beside the repo (../shared/corpus), never inside it.
 * CHECKPOST_CORPUS points elsewhere, e.g. at a holdout set.
 */
export const corpusDir = resolve(process.env.CHECKPOST_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus'));

export const corpusAvailable = existsSync(join(corpusDir, 'README.md'));

/** Use as the describe title suffix so a skipped run says why. */
export const corpusNote = corpusAvailable ? `(corpus: ${corpusDir})` : `(SKIPPED: no corpus at ${corpusDir}; set CHECKPOST_CORPUS)`;

export const corpusPath = (...parts: string[]): string => join(corpusDir, ...parts);
