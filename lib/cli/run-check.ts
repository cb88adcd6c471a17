import type { Verdict } from '../pipeline/types';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeThrown, err, ok, type Result } from '../errors';
import { IMAGE_EXTENSIONS, SYSTEM_FILE } from '../roster/photo-files';
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
  /** Every photo in this folder checked on its own, instead of one post. */
  folder?: string;
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

/** `checkpost check`: one post, one verdict, exit status by verdict; with `--folder`, one verdict per photo and the worst status. */
export async function runCheck(options: CheckOptions): Promise<number> {
  const source = await rosterSource(options);
  if (!source.ok) {
    console.error(source.error);
    return EXIT_CODE.cannot_check;
  }
  if (options.folder !== undefined) return checkFolder(source.value, options, options.folder);
  const [status] = await checkPosts(source.value, options.json, [options]);
  return status!;
}

/** The photos in a folder (not its subfolders), by name; other files are named on stderr and left alone. */
async function photosIn(folder: string): Promise<Result<string[], string>> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() && !SYSTEM_FILE.test(entry.name)).map((entry) => entry.name);
  } catch (thrown) {
    return err(`The folder ${folder} could not be read (${describeThrown(thrown)}). Check the path.`);
  }
  const others = names.filter((name) => !IMAGE_EXTENSIONS.test(name));
  if (others.length > 0) console.error(`Not photos, so not checked: ${others.join(', ')}`);
  return ok(
    names
      .filter((name) => IMAGE_EXTENSIONS.test(name))
      .sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }))
      .map((name) => join(folder, name)),
  );
}

/** `check --folder`: each photo is its own post (a newsletter's or the website's), then a count of each verdict. */
async function checkFolder(source: RosterSource, options: CheckOptions, folder: string): Promise<number> {
  const photos = await photosIn(folder);
  if (!photos.ok) {
    console.error(photos.error);
    return EXIT_CODE.cannot_check;
  }
  if (photos.value.length === 0) {
    console.error(`There are no photos in ${folder}, so nothing was checked.`);
    return EXIT_CODE.cannot_check;
  }
  const posts: PostFiles[] = photos.value.map((photo) => ({ text: '', platform: options.platform, images: [photo], ...(options.purpose ? { purpose: options.purpose } : {}) }));
  const verdicts: { file: string; verdict: Verdict }[] = [];
  await checkPostFiles(source, posts, (post, outcome) => {
    verdicts.push({ file: basename(post.images[0]!), verdict: outcome.verdict });
    if (!options.json) console.log(`== ${basename(post.images[0]!)}\n${printed(outcome, false)}\n`);
  });
  const tally = (status: Verdict['status']) => verdicts.filter(({ verdict }) => verdict.status === status).length;
  if (options.json) console.log(JSON.stringify(verdicts, null, 2));
  else console.log(`${verdicts.length} photos: ${tally('pass')} pass, ${tally('warn')} warn, ${tally('block')} blocked, ${tally('cannot_check')} could not be checked.`);
  return Math.max(...verdicts.map(({ verdict }) => EXIT_CODE[verdict.status]));
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
