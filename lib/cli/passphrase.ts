import { readFile } from 'node:fs/promises';
import { describeThrown, err, ok, type Result } from '../errors';

/**
 * A passphrase from a file (its first line) or an environment variable, never from the command line, where it would
 * be kept in shell history and shown to anyone listing processes.
 */
export interface PassphraseSource {
  /** What it opens, in the message: "pack passphrase". */
  what: string;
  envName: string;
  /** The option that names a file holding it, e.g. --passphrase-file. */
  flag: string;
  file: string | undefined;
}

export async function readPassphrase({ what, envName, flag, file }: PassphraseSource): Promise<Result<string, string>> {
  if (file !== undefined) {
    try {
      const line = (await readFile(file, 'utf8')).split(/\r?\n/)[0] ?? '';
      return line.length > 0 ? ok(line) : err(`The ${what} file ${file} is empty: its first line is the passphrase.`);
    } catch (thrown) {
      return err(`The ${what} file ${file} could not be read (${describeThrown(thrown)}).`);
    }
  }
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv.length > 0) return ok(fromEnv);
  return err(`Give the ${what} in the ${envName} environment variable, or in a file named with ${flag}.`);
}

/** The pack passphrase staff are given: `--passphrase-file`, or else $CHECKPOST_PASSPHRASE. */
export const readPackPassphrase = (file: string | undefined): Promise<Result<string, string>> =>
  readPassphrase({ what: 'pack passphrase', envName: 'CHECKPOST_PASSPHRASE', flag: '--passphrase-file', file });
