import type { Verdict } from '../pipeline/types';
import { err, ok, type Result } from '../errors';
import type { BiometricRecord } from '../roster/biometrics';
import { checkPostFiles, readBiometricsFile, type PostFiles, type PostOutcome, type RosterSource } from './check-posts';
import { EXIT_CODE } from './exit-codes';
import { readPackPassphrase } from './passphrase';
import { formatVerdict } from './format-verdict';

export interface CheckOptions extends PostFiles {
  /** A roster CSV to import here, or… */
  roster?: string;
  /** …a roster pack the ORM lead made, opened with the pack passphrase. */
  pack?: string;
  /** With a pack: the fingerprint of the school's signing key; a pack signed by any other is refused. */
  signer?: string;
  passphraseFile?: string;
  /** With a CSV: path of the school's biometrics record (JSON); absent: face matching off. */
  biometrics?: string;
  /** With a CSV: a folder or zip of reference photos. */
  photos?: string;
  json: boolean;
}

const printed = ({ verdict, analysis }: PostOutcome, json: boolean): string => (json ? JSON.stringify(verdict satisfies Verdict, null, 2) : formatVerdict(verdict, analysis));

/**
 * Checks posts one after another against one roster and prints each verdict. `announce` is told
 * before each post's verdict is printed. Returns each post's exit status.
 */
export async function checkPosts(source: RosterSource, json: boolean, posts: PostFiles[], announce: (post: PostFiles) => void = () => undefined): Promise<number[]> {
  const statuses: number[] = [];
  await checkPostFiles(source, posts, (post, outcome) => {
    announce(post);
    console.log(printed(outcome, json));
    statuses.push(EXIT_CODE[outcome.verdict.status]);
  });
  return statuses;
}

/** `checkpost check`: one post, one verdict, exit status by verdict. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const source = await rosterSource(options);
  if (!source.ok) {
    console.error(source.error);
    return EXIT_CODE.cannot_check;
  }
  const [status] = await checkPosts(source.value, options.json, [options]);
  return status!;
}

/** The roster named on the command line: --pack, or else --roster (main.ts asks for one of them). */
async function rosterSource(options: CheckOptions): Promise<Result<RosterSource, string>> {
  if (options.pack !== undefined) {
    if (options.biometrics !== undefined || options.photos !== undefined) {
      return err("A roster pack carries the school's biometrics record and face templates already: leave out --biometrics and --photos.");
    }
    const passphrase = await readPackPassphrase(options.passphraseFile);
    if (!passphrase.ok) return passphrase;
    return ok({ pack: options.pack, passphrase: passphrase.value, ...(options.signer === undefined ? {} : { trustedSigner: options.signer }) });
  }
  const biometrics = await biometricsOption(options.biometrics);
  return biometrics.ok ? ok({ csv: options.roster!, biometrics: biometrics.value, ...(options.photos === undefined ? {} : { photos: options.photos }) }) : biometrics;
}

/** The record named by `--biometrics`, or null (face matching off) when there is none. */
export const biometricsOption = async (path: string | undefined): Promise<Result<BiometricRecord | null, string>> => (path === undefined ? ok(null) : readBiometricsFile(path));
