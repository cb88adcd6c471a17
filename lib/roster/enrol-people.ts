import { checkError, describeThrown, err, type ErrorCode, type Result } from '../errors';
import type { PersonRow } from './person-row';
import type { PhotoAssignment } from './photo-files';
import type { EnrolPhoto, FaceTemplate, PersonRef, PhotoReader, RosterIssue } from './types';

export interface PhotoPlan {
  /** Biometric consent and at least one photo: the only rows whose photos are ever read. */
  toEnrol: (PersonRow & { photos: string[] })[];
  withoutPhotos: PersonRef[];
  photosNotUsed: (PersonRef & { photoFile: string })[];
}

export const personRef = ({ row, person }: PersonRow): PersonRef => ({
  row,
  id: person.id,
  name: `${person.preferredForename} ${person.surname}`,
  role: person.role,
});

/** Decides from the CSV and the photos' paths alone whose photos may be used; no photo is read here. */
export function planPhotos(personRows: PersonRow[], assignment: PhotoAssignment): PhotoPlan {
  const plan: PhotoPlan = { toEnrol: [], withoutPhotos: [], photosNotUsed: [] };
  for (const personRow of personRows) {
    const photos = assignment.byRow.get(personRow.row) ?? [];
    if (photos.length === 0) plan.withoutPhotos.push(personRef(personRow));
    else if (personRow.person.consents.biometric) plan.toEnrol.push({ ...personRow, photos });
    // Written as a Photo File cell lists several photos.
    else plan.photosNotUsed.push({ ...personRef(personRow), photoFile: photos.join('; ') });
  }
  return plan;
}

export interface Enrolment {
  templates: FaceTemplate[];
  errors: RosterIssue[];
  /** Stopped by its signal before every photo was enrolled. */
  cancelled: boolean;
}

/**
 * Reads and enrols each consented photo in turn (the face model uses both cores already); every photo of a person
 * becomes a template of theirs. Every failure becomes an error on that row; the caller discards everything if any occur.
 */
export async function enrolPhotos(
  toEnrol: PhotoPlan['toEnrol'],
  readPhoto: PhotoReader,
  enrolPhoto: EnrolPhoto,
  modelId: string,
  photoColumn: string | undefined,
  onProgress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<Enrolment> {
  const enrolment: Enrolment = { templates: [], errors: [], cancelled: false };
  const photos = toEnrol.flatMap(({ row, person, photos }) => photos.map((photoFile) => ({ row, person, photoFile })));
  for (const [index, { row, person, photoFile }] of photos.entries()) {
    if (signal?.aborted === true) return { ...enrolment, cancelled: true };
    const bytes = await settle(() => readPhoto(photoFile), 'file_unreadable', photoFile);
    const descriptor = bytes.ok ? await settle(() => enrolPhoto(bytes.value, photoFile), 'engine_failed', photoFile) : bytes;
    if (descriptor.ok) {
      enrolment.templates.push({ personId: person.id, modelId, descriptor: descriptor.value });
    } else {
      enrolment.errors.push({ row, column: photoColumn, message: descriptor.error.message, code: descriptor.error.code });
    }
    onProgress(index + 1, photos.length);
  }
  return enrolment;
}

/** Readers and engines return errors as values; anything they throw still lands on the row. */
async function settle<T>(run: () => Promise<Result<T>>, code: ErrorCode, file: string): Promise<Result<T>> {
  try {
    return await run();
  } catch (thrown) {
    return err(checkError(code, `${file} could not be used: ${describeThrown(thrown)}. Check the file and import again.`, file));
  }
}
