import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { nodeAnalysers } from '../engines/analysers-node';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { checkPost } from '../pipeline/check-post';
import { createPhotoChecker, type PhotoChecker } from '../pipeline/photo-checker';
import type { Analysis, Platform, PostImage, Purpose, Verdict } from '../pipeline/types';
import { formatImportReport } from '../roster/import-report';
import { importRoster } from '../roster/import-roster';
import { photosFromPathNode, photosNextToCsv } from '../roster/read-photo-node';
import { checkBiometricRecord, type BiometricRecord } from '../roster/biometrics';
import { openRosterPack } from '../roster/roster-pack';
import { packTrustFile, readPackTrust, writePackTrust } from './pack-trust';
import type { Roster } from '../roster/types';
import { loadCommonWordsNode } from '../text/common-words-node';

/** A post as files on disk: its words and the paths of its photos. */
export interface PostFiles {
  text: string;
  platform: Platform;
  images: string[];
  /** The consent the photos need, when not the platform's social media. */
  purpose?: Purpose;
}

/** A post's verdict, with its analysis when the post got as far as being analysed. */
export interface PostOutcome {
  verdict: Verdict;
  analysis: Analysis | null;
}

export async function readPostImage(path: string): Promise<Result<PostImage, CheckError>> {
  try {
    const bytes = await readFile(path);
    return ok({ id: path, name: basename(path), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (thrown) {
    return err(checkError('file_unreadable', `${path} could not be read (${describeThrown(thrown)}). Check the path.`, path));
  }
}

const heldBeforeChecking = (errors: CheckError[]): PostOutcome => ({ verdict: { status: 'cannot_check', findings: [], errors }, analysis: null });

/** A roster CSV, and the school's record that lets its reference photos become face templates (null: face matching off). */
export interface CsvRoster {
  csv: string;
  biometrics: BiometricRecord | null;
  /** A folder or zip of reference photos (`--photos`), found by Photo File or by UPN; absent: Photo File paths next to the CSV. */
  photos?: string;
}

/** A roster pack the ORM lead made (`checkpost roster pack`): enrolled already, its biometric record inside. */
export interface PackRoster {
  pack: string;
  passphrase: string;
  /** The signer's fingerprint the school trusts (`--signer`); absent, the one pinned from the first pack read here. */
  trustedSigner?: string;
}

export type RosterSource = CsvRoster | PackRoster;

const sourceName = (source: RosterSource): string => ('pack' in source ? source.pack : source.csv);

/** `--biometrics <file>`: the school's DPIA and notice to parents as JSON, checked before any face template is made. */
export async function readBiometricsFile(path: string): Promise<Result<BiometricRecord, string>> {
  let record: unknown;
  try {
    record = JSON.parse(await readFile(path, 'utf8'));
  } catch (thrown) {
    return err(`The biometrics record ${path} could not be read (${describeThrown(thrown)}). It is a JSON file with dpiaCompletedOn, dpoName and parentsNotifiedOn.`);
  }
  const checked = checkBiometricRecord(record, new Date());
  return checked.ok ? checked : err(`The biometrics record ${path} cannot turn face matching on: ${checked.error}`);
}

/** Opens a roster pack; its templates are used only if the face models here are the ones they were made with. */
async function loadRosterPack(source: PackRoster, photos: PhotoChecker, withFaces: boolean): Promise<Result<Roster, string>> {
  let text: string;
  try {
    text = await readFile(source.pack, 'utf8');
  } catch (thrown) {
    return err(`The roster pack ${source.pack} could not be read (${describeThrown(thrown)}). Check the path.`);
  }
  const trust = await readPackTrust();
  if (!trust.ok) return err(trust.error);
  const pinned = trust.value;
  // --signer names the school's key outright; otherwise the key pinned from the first pack read here.
  const trustedSigner = source.trustedSigner ?? pinned?.fingerprint;
  const inUseCreatedAt = pinned !== null && pinned.fingerprint === trustedSigner ? pinned.createdAt : undefined;
  const opened = await openRosterPack(text, source.passphrase, { ...(trustedSigner ? { trustedSigner } : {}), ...(inUseCreatedAt ? { inUseCreatedAt } : {}) });
  if (!opened.ok) return err(`${source.pack}: ${opened.error.message}`);
  const { signer, createdAt } = opened.value;
  if (pinned?.fingerprint !== signer || pinned.createdAt < createdAt) {
    const written = await writePackTrust({ fingerprint: signer, createdAt });
    if (!written.ok) console.error(written.error);
    else if (trustedSigner === undefined)
      console.error(
        `Checkpost now trusts roster packs signed by key ${signer}, the first read on this computer (recorded in ${packTrustFile()}); a pack signed by any other key, or older than the newest read, is refused. Delete that file to trust another key.`,
      );
  }
  const { roster, modelId } = opened.value;
  if (withFaces && roster.templates.length > 0) {
    const faces = await photos.analysers.faces();
    if (!faces.ok) return err(faces.error.message);
    if (faces.value.modelId !== modelId)
      return err(`${source.pack} was made with another face model (${modelId}); ask the ORM lead to make the pack again with this version of Checkpost.`);
  }
  return ok(roster);
}

/**
 * Reads the roster: a pack as the ORM lead made it, or a CSV imported here. A CSV's reference photos are enrolled
 * (which loads the face models) only when `withFaces`: a text-only check needs the names and consents, not the templates.
 */
export async function loadRosterFile(source: RosterSource, photos: PhotoChecker, withFaces: boolean): Promise<Result<Roster, string>> {
  if ('pack' in source) return loadRosterPack(source, photos, withFaces);
  const imported = await importRosterCsv(source, photos, withFaces);
  return imported.ok ? ok(imported.value.roster) : imported;
}

/**
 * Imports a roster CSV from disk, enrolling its reference photos when `withFaces` and the school's biometric record
 * is given (`onProgress` is told after each photo); returns the roster and the descriptor model of its templates.
 */
export async function importRosterCsv(
  { csv: csvPath, biometrics, photos: photosPath }: CsvRoster,
  photos: PhotoChecker,
  withFaces: boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<Result<{ roster: Roster; modelId: string; csvName: string }, string>> {
  let csv: Uint8Array;
  try {
    csv = new Uint8Array(await readFile(csvPath));
  } catch (thrown) {
    return err(`The roster ${csvPath} could not be read (${describeThrown(thrown)}). Check the path.`);
  }
  let enrolment;
  // No template without the school's record of its DPIA and notice to parents: faces are then checked by hand.
  if (withFaces && biometrics !== null) {
    const faces = await photos.analysers.faces();
    if (!faces.ok) return err(faces.error.message);
    enrolment = { enrolPhoto: photos.enrol, modelId: faces.value.modelId, biometrics, ...(onProgress ? { onProgress } : {}) };
  }
  const photoFiles = photosPath === undefined ? ok(photosNextToCsv(csvPath)) : await photosFromPathNode(photosPath);
  if (!photoFiles.ok) return photoFiles;
  const { report, roster } = await importRoster({ csv, csvName: basename(csvPath), photos: photoFiles.value, ...(enrolment ? { enrolment } : {}) });
  return roster === null ? err(formatImportReport(report)) : ok({ roster, modelId: enrolment?.modelId ?? '', csvName: report.csvName });
}

/**
 * Checks posts one after another against one roster, through the one pipeline, loading the
 * models and enrolling the roster once, and only if some post has photos. `each` is told every
 * post's outcome in order; a roster that would not import is reported on stderr and holds every post.
 */
export async function checkPostFiles<P extends PostFiles>(source: RosterSource, posts: P[], each: (post: P, outcome: PostOutcome) => void): Promise<void> {
  const read = await Promise.all(posts.map((post) => Promise.all(post.images.map(readPostImage))));
  const unreadable = read.map((results) => results.flatMap((result) => (result.ok ? [] : [result.error])));
  const checkable = posts.filter((_, index) => unreadable[index]!.length === 0);
  const photos = createPhotoChecker(nodeAnalysers());
  // The models load while the roster is read (a pack's key derivation runs off the main thread): start-up, not their sum.
  if (checkable.some((post) => post.images.length > 0)) void Promise.all([photos.analysers.faces(), photos.analysers.ocr()]);
  try {
    // A post with a photo that cannot be read is held before anything is loaded for it.
    const [roster, commonWords] =
      checkable.length === 0
        ? [null, null]
        : await Promise.all([
            loadRosterFile(
              source,
              photos,
              checkable.some((post) => post.images.length > 0),
            ),
            loadCommonWordsNode(),
          ]);
    if (roster?.ok === false) console.error(roster.error);
    for (const [index, post] of posts.entries()) {
      if (unreadable[index]!.length > 0) each(post, heldBeforeChecking(unreadable[index]!));
      else if (!roster?.ok || commonWords === null)
        each(post, heldBeforeChecking([checkError('roster_invalid', `The roster ${sourceName(source)} could not be used (see above).`, sourceName(source))]));
      else {
        const images = read[index]!.flatMap((result) => (result.ok ? [result.value] : []));
        each(
          post,
          await checkPost({ platform: post.platform, text: post.text, images, ...(post.purpose ? { purpose: post.purpose } : {}) }, photos, { roster: roster.value, commonWords }),
        );
      }
    }
  } finally {
    await photos.analysers.dispose();
  }
}
