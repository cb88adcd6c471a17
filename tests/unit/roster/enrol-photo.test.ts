import { describe, expect, it } from 'vitest';
import type { DescribedFace, FaceEngine } from '../../../lib/engines/face/types';
import type { DecodedImage, ImageDecoder } from '../../../lib/engines/image/types';
import { checkError, err, ok } from '../../../lib/errors';
import { createEnrolPhoto } from '../../../lib/roster/enrol-photo';

const image: DecodedImage = { width: 2, height: 2, data: new Uint8Array(12), originalWidth: 2, originalHeight: 2 };
const decodeAny: ImageDecoder = async () => ok(image);

const aFace = (descriptor: number[] | null): DescribedFace => ({
  box: { x: 0, y: 0, width: 1, height: 1 },
  score: 0.9,
  landmarks: [],
  descriptor: descriptor === null ? null : Float32Array.from(descriptor),
});

/**
 * A hand-written engine that reports the faces it is given: these tests cover the counting
 * rules of enrolment; the real engine is tested on real photos in tests/engines.
 */
const engineFinding = (faces: DescribedFace[] | Error): FaceEngine => ({
  modelId: 'test-model',
  analyse: async () => {
    if (faces instanceof Error) throw faces;
    return { faces, detectMs: 0, describeMs: 0 };
  },
  dispose: () => undefined,
});

const enrol = (faces: DescribedFace[] | Error, decode = decodeAny) => createEnrolPhoto(decode, engineFinding(faces))(new Uint8Array([1]), 'photos/X.jpg');

describe('createEnrolPhoto', () => {
  it('returns the descriptor of the one face in the photo', async () => {
    expect(await enrol([aFace([0.5, 0.25, -0.75])])).toEqual(ok([0.5, 0.25, -0.75]));
  });

  it('refuses a photo with no face, naming the file and what to do', async () => {
    expect(await enrol([])).toEqual(err(checkError('enrol_no_face', 'No face found in photos/X.jpg. Use a clear, front-facing photo of this person.', 'photos/X.jpg')));
  });

  it('refuses a photo with several faces, even when only one could be described', async () => {
    const result = await enrol([aFace([1, 0]), aFace(null)]);
    expect(result).toEqual(err(checkError('enrol_many_faces', '2 faces found in photos/X.jpg. Use a photo of this person alone.', 'photos/X.jpg')));
  });

  it('refuses a face too small to describe', async () => {
    const result = await enrol([aFace(null)]);
    expect(result.ok || result.error.code).toBe('enrol_face_too_small');
    expect(result.ok || result.error.message).toMatch(/photos\/X\.jpg is too small to recognise/);
  });

  it('passes on the decoder’s error for a photo it cannot read', async () => {
    const decodeError = checkError('image_corrupt', 'photos/X.jpg is damaged.', 'photos/X.jpg');
    expect(await enrol([aFace([1])], async () => err(decodeError))).toEqual(err(decodeError));
  });

  it('turns an engine failure into an error for that photo', async () => {
    const result = await enrol(new Error('wasm out of memory'));
    expect(result.ok || result.error).toMatchObject({ code: 'engine_failed', file: 'photos/X.jpg' });
    expect(result.ok || result.error.message).toMatch(/could not analyse photos\/X\.jpg \(wasm out of memory\)/);
  });
});
