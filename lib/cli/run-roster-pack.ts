import { readFile, rename, writeFile } from 'node:fs/promises';
import { nodeAnalysers } from '../engines/analysers-node';
import { describeThrown, err, ok, type Result } from '../errors';
import { createPhotoChecker } from '../pipeline/photo-checker';
import { createSigningKey, fingerprint, makeRosterPack, openSigningKey, type SigningKey } from '../roster/roster-pack';
import { formatProgress } from '../progress';
import { EXIT_CODE } from './exit-codes';
import { readPackPassphrase, readPassphrase } from './passphrase';
import { importRosterCsv } from './check-posts';
import { biometricsOption } from './run-check';

export interface RosterPackOptions {
  roster: string;
  biometrics?: string;
  /** A folder or zip of reference photos; absent: Photo File paths next to the CSV. */
  photos?: string;
  /** The school's signing key file; made here, sealed with the signing passphrase, if it does not exist yet. */
  signingKey: string;
  out: string;
  passphraseFile?: string;
  signingPassphraseFile?: string;
}

/** Writes a file whole or not at all: a pack cut short by a full disk must not replace the last good one. */
async function writeWhole(path: string, text: string): Promise<void> {
  const partial = `${path}.partial`;
  await writeFile(partial, text, { mode: 0o600 });
  await rename(partial, path);
}

async function signingKey(path: string, passphrase: string): Promise<Result<SigningKey, string>> {
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') return err(`The signing key ${path} could not be read (${describeThrown(thrown)}).`);
  }
  if (text !== null) {
    const opened = await openSigningKey(text, passphrase);
    return opened.ok ? opened : err(`${path}: ${opened.error.message}`);
  }
  const made = await createSigningKey(passphrase);
  if (!made.ok) return err(made.error.message);
  await writeWhole(path, made.value.file);
  console.error(`Made the school's signing key in ${path} (keep it, and its passphrase, safe: every later pack must be signed with it).`);
  return ok(made.value.key);
}

/** How far enrolment has got, on stderr, with the time left once a few photos have given the pace. */
function progressLine(started: number): (done: number, total: number) => void {
  return (done, total) => {
    const line = formatProgress('Enrolling reference photos', done, total, performance.now() - started);
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else if (done === total || done % 50 === 0) console.error(line);
  };
}

/**
 * `checkpost roster pack`: imports the roster CSV once (enrolling its reference photos when the school's biometric
 * record is given) and writes it as a sealed, signed roster pack for staff browsers and `checkpost check --pack`.
 */
export async function runRosterPack(options: RosterPackOptions): Promise<number> {
  const made = await makePack(options);
  if (!made.ok) {
    console.error(made.error);
    return EXIT_CODE.cannot_check;
  }
  console.log(made.value);
  return 0;
}

async function makePack(options: RosterPackOptions): Promise<Result<string, string>> {
  const biometrics = await biometricsOption(options.biometrics);
  if (!biometrics.ok) return biometrics;
  const passphrase = await readPackPassphrase(options.passphraseFile);
  if (!passphrase.ok) return passphrase;
  const signingPassphrase = await readPassphrase({
    what: 'signing key passphrase',
    envName: 'CHECKPOST_SIGNING_PASSPHRASE',
    flag: '--signing-passphrase-file',
    file: options.signingPassphraseFile,
  });
  if (!signingPassphrase.ok) return signingPassphrase;
  const key = await signingKey(options.signingKey, signingPassphrase.value);
  if (!key.ok) return key;

  const photos = createPhotoChecker(nodeAnalysers());
  try {
    const imported = await importRosterCsv(
      { csv: options.roster, biometrics: biometrics.value, ...(options.photos === undefined ? {} : { photos: options.photos }) },
      photos,
      true,
      progressLine(performance.now()),
    );
    if (!imported.ok) return imported;
    const { roster } = imported.value;
    const pack = await makeRosterPack(imported.value, passphrase.value, key.value, new Date());
    if (!pack.ok) return err(pack.error.message);
    await writeWhole(options.out, pack.value);
    const matching = roster.biometrics === null ? 'face matching off (no biometrics record given)' : `${roster.templates.length} face templates`;
    return ok(`Wrote ${options.out}: ${roster.people.length} people, ${matching}, signed by key ${await fingerprint(key.value.publicKey)}.`);
  } finally {
    await photos.analysers.dispose();
  }
}
