import { describe, expect, it } from 'vitest';
import { checkError, err, ok } from '../../../lib/errors';
import { imageHash } from '../../../lib/image-hash';
import { resumableEnrolment, STAGE_EVERY, type StagedTemplate } from '../../../lib/roster/resumable-enrolment';
import type { EnrolPhoto } from '../../../lib/roster/types';

const photo = (n: number) => new TextEncoder().encode(`reference photo ${n}`);

/** A descriptor from the photo's length and last byte, so a test can tell whose it is; photo 13 has no face. */
function countingEnrolPhoto(): { enrolPhoto: EnrolPhoto; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    enrolPhoto: async (bytes, fileName) => {
      calls.push(fileName);
      return fileName === '13.jpg' ? err(checkError('enrol_no_face', 'No face')) : ok([bytes.length, bytes.at(-1)!]);
    },
  };
}

describe('resumableEnrolment', () => {
  it('stages each template by photo hash in groups, and flushes the rest', async () => {
    const { enrolPhoto } = countingEnrolPhoto();
    const groups: StagedTemplate[][] = [];
    const run = resumableEnrolment(enrolPhoto, new Map(), async (made) => void groups.push(made));
    for (let n = 0; n < STAGE_EVERY + 5; n++) await run.enrolPhoto(photo(n), `${n}.jpg`);
    expect(groups.map((group) => group.length)).toEqual([STAGE_EVERY]);
    await run.flush();
    // Photo 13 had no face: nothing staged for it, so a resumed import tries it again.
    expect(groups.map((group) => group.length)).toEqual([STAGE_EVERY, 4]);
    expect(groups[0]![0]).toEqual({ photoHash: await imageHash(photo(0)), descriptor: [photo(0).length, photo(0).at(-1)] });
  });

  it('does not enrol again a photo whose template was staged before, whatever its file is called now', async () => {
    const { enrolPhoto, calls } = countingEnrolPhoto();
    const staged = new Map([[await imageHash(photo(1)), [9, 9]]]);
    const run = resumableEnrolment(enrolPhoto, staged, async () => undefined);
    expect(await run.enrolPhoto(photo(1), 'renamed.jpg')).toEqual(ok([9, 9]));
    expect(await run.enrolPhoto(photo(2), '2.jpg')).toEqual(ok([photo(2).length, photo(2).at(-1)]));
    expect(calls).toEqual(['2.jpg']);
    expect(run.resumed()).toBe(1);
  });

  it('goes on enrolling when staging fails: it only costs a resume', async () => {
    const { enrolPhoto } = countingEnrolPhoto();
    const run = resumableEnrolment(enrolPhoto, new Map(), () => Promise.reject(new Error('disk full')));
    for (let n = 0; n < STAGE_EVERY; n++) expect((await run.enrolPhoto(photo(n), `${n}.jpg`)).ok).toBe(n !== 13);
    await expect(run.flush()).resolves.toBeUndefined();
  });
});
