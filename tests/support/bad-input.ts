import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Reproducers of broken input (../shared/bad-input), read where they are, never copied into the repo. */
export const badInputDir = resolve(join(import.meta.dirname, '..', '..', '..', 'shared', 'bad-input'));

export const badInputAvailable = existsSync(join(badInputDir, 'README.md'));

/** Use as the describe title suffix so a skipped run says why. */
export const badInputNote = badInputAvailable ? `(bad input: ${badInputDir})` : `(SKIPPED: no reproducers at ${badInputDir})`;

export const badInputPath = (file: string): string => join(badInputDir, file);
