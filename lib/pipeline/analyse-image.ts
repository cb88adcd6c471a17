import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { identifyFace } from '../engines/face/match';
import type { DescribedFace, FaceEngine } from '../engines/face/types';
import type { ImageDecoder } from '../engines/image/types';
import type { FaceTemplate } from '../roster/types';
import type { Box, FaceIdentity, FaceResult, ImageAnalysis, PostImage } from './types';

export interface ImageAnalysers {
  decode: ImageDecoder;
  faces: FaceEngine;
  templates: readonly FaceTemplate[];
}

/** Decodes one attached photo and finds and identifies every face in it. Cacheable by the image's hash. */
export async function analyseImage(image: PostImage, imageIndex: number, analysers: ImageAnalysers): Promise<Result<ImageAnalysis, CheckError>> {
  const started = performance.now();
  const decoded = await analysers.decode(image.bytes, image.name);
  if (!decoded.ok) return decoded;
  const decodeMs = performance.now() - started;
  const picture = decoded.value;

  let found;
  try {
    found = await analysers.faces.analyse(picture);
  } catch (thrown) {
    return err(
      checkError('engine_failed', `${image.name}: the face check failed (${describeThrown(thrown)}), so the post was held. Try again.`, image.name),
    );
  }

  // Engines work on a downscaled copy; staff see boxes on the photo as attached.
  const scale = picture.originalWidth / picture.width;
  const faces: FaceResult[] = found.faces.map((face) => ({
    box: scaleBox(face.box, scale),
    score: face.score,
    landmarks: face.landmarks.map((point) => ({ x: point.x * scale, y: point.y * scale })),
    identity: identify(face, analysers),
  }));
  return ok({
    imageIndex,
    name: image.name,
    width: picture.originalWidth,
    height: picture.originalHeight,
    faces,
    timings: { decodeMs, detectMs: found.detectMs, describeMs: found.describeMs },
  });
}

function identify(face: DescribedFace, analysers: ImageAnalysers): FaceIdentity {
  if (face.descriptor === null) return { kind: 'uncertain', reason: 'too_small' };
  return identifyFace(face.descriptor, analysers.templates, analysers.faces.modelId);
}

const scaleBox = (box: Box, scale: number): Box => ({
  x: box.x * scale,
  y: box.y * scale,
  width: box.width * scale,
  height: box.height * scale,
});
