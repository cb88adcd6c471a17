import { imageHash } from '../image-hash';
import type { EnrolPhoto } from './types';

/** A template made during an import that has not been applied yet, by the hash of the photo it was made from. */
export interface StagedTemplate {
  photoHash: string;
  descriptor: number[];
}

/** Kept this long for an import to resume; after that the photos are enrolled again. */
export const STAGED_DAYS = 7;

/** Templates are saved in groups this size: a closed page loses at most this many photos' work. */
export const STAGE_EVERY = 20;

export interface ResumableEnrolment {
  enrolPhoto: EnrolPhoto;
  /** Photos whose template came from an earlier, interrupted run of this import. */
  resumed(): number;
  /** Saves what is not yet saved. */
  flush(): Promise<void>;
}

/**
 * Enrolment that survives the options page being closed or the browser stopping part-way through 1,500 photos: each
 * template is staged (`stage`, sealed by the caller) as it is made, and a photo whose bytes were enrolled before is not
 * enrolled again. Keyed by photo, not person, so a staged template is only ever used for a row that consents now.
 */
export function resumableEnrolment(enrolPhoto: EnrolPhoto, staged: ReadonlyMap<string, number[]>, stage: (made: StagedTemplate[]) => Promise<void>): ResumableEnrolment {
  let unsaved: StagedTemplate[] = [];
  let resumed = 0;
  const flush = async () => {
    if (unsaved.length === 0) return;
    const batch = unsaved;
    unsaved = [];
    // Staging only saves a resume: failing to stage must not fail the import itself.
    await stage(batch).catch(() => undefined);
  };
  return {
    async enrolPhoto(bytes, fileName) {
      const photoHash = await imageHash(bytes);
      const before = staged.get(photoHash);
      if (before !== undefined) {
        resumed += 1;
        return { ok: true, value: before };
      }
      const made = await enrolPhoto(bytes, fileName);
      if (made.ok) {
        unsaved.push({ photoHash, descriptor: made.value });
        if (unsaved.length >= STAGE_EVERY) await flush();
      }
      return made;
    },
    resumed: () => resumed,
    flush,
  };
}
