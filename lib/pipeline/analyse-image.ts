import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { identifyFace } from '../engines/face/match';
import type { DescribedFace, FaceAnalysis, FaceEngine } from '../engines/face/types';
import { readPhotoMetadata } from '../engines/image/exif';
import type { ImageDecoder } from '../engines/image/types';
import { scaleOcrResult } from '../engines/ocr/scale-result';
import type { OcrEngine } from '../engines/ocr/types';
import type { FaceTemplate } from '../roster/types';
import type { Box, FaceIdentity, FaceResult, ImageAnalysis, PostImage } from './types';

export interface ImageAnalysers {
  decode: ImageDecoder;
  faces: FaceEngine;
  ocr: OcrEngine;
  templates: readonly FaceTemplate[];
}

/**
 * Decodes one attached photo, then finds and identifies every face, reads its text and its
 * metadata. Faces run on the main thread and OCR in tesseract's worker, so the two overlap.
 * Any analyser failing fails the photo: a photo is never half-checked. Cacheable by the image's hash.
 */
export async function analyseImage(image: PostImage, imageIndex: number, analysers: ImageAnalysers): Promise<Result<ImageAnalysis, CheckError>> {
  const started = performance.now();
  const decoded = await analysers.decode(image.bytes, image.name);
  if (!decoded.ok) return decoded;
  const decodeMs = performance.now() - started;
  const picture = decoded.value;

  const [found, read, exif] = await Promise.all([analyseFaces(analysers.faces, picture, image.name), analysers.ocr.read(picture), readPhotoMetadata(image.bytes, image.name)]);
  if (!found.ok) return found;
  if (!read.ok) return err({ ...read.error, file: read.error.file ?? image.name });
  if (!exif.ok) return exif;

  // Engines work on a downscaled copy; staff see boxes on the photo as attached.
  const scale = picture.originalWidth / picture.width;
  const faces: FaceResult[] = found.value.faces.map((face) => ({
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
    ocr: scaleOcrResult(read.value, scale),
    exif: exif.value,
    timings: { decodeMs, detectMs: found.value.detectMs, describeMs: found.value.describeMs, ocrMs: read.value.ms },
  });
}

/** The face engine may throw (a wasm failure): that is this photo's error, not a crash. */
async function analyseFaces(engine: FaceEngine, picture: Parameters<FaceEngine['analyse']>[0], name: string): Promise<Result<FaceAnalysis, CheckError>> {
  try {
    return ok(await engine.analyse(picture));
  } catch (thrown) {
    return err(checkError('engine_failed', `${name}: the face check failed (${describeThrown(thrown)}), so the post was held. Try again.`, name));
  }
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
