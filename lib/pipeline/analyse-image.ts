import { abortError } from '../deadlines';
import { err, ok, type CheckError, type Result } from '../errors';
import type { Analysers } from '../engines/analysers';
import { readPhotoMetadata } from '../engines/image/exif';
import { scaleOcrResult } from '../engines/ocr/scale-result';
import type { Box } from '../geometry';
import type { ImageAnalysis, PostImage } from './types';

/**
 * Decodes one attached photo, then finds every face (and describes each one when `matchFaces`),
 * reads its text and its metadata. Faces run on the main thread and OCR in tesseract's worker, so the two overlap.
 * Any analyser failing fails the photo: a photo is never half-checked. Nothing here depends on
 * the roster, so the result is cacheable by the photo's hash. Stops once `signal` aborts.
 */
export async function analyseImage(
  image: PostImage,
  imageIndex: number,
  analysers: Analysers,
  { matchFaces, signal }: { matchFaces: boolean; signal: AbortSignal },
): Promise<Result<ImageAnalysis, CheckError>> {
  const started = performance.now();
  const decoded = await analysers.decode(image.bytes, image.name);
  if (!decoded.ok) return decoded;
  if (signal.aborted) return err(abortError(signal));
  const decodeMs = performance.now() - started;
  const picture = decoded.value;

  const [faces, ocr] = await Promise.all([analysers.faces(), analysers.ocr()]);
  if (!faces.ok) return faces;
  if (!ocr.ok) return ocr;
  const [found, read, exif] = await Promise.all([
    faces.value.analyse(picture, signal, { describe: matchFaces }),
    ocr.value.analyse(picture, signal),
    readPhotoMetadata(image.bytes, image.name),
  ]);
  if (!found.ok) return err(named(found.error, image.name));
  if (!read.ok) return err(named(read.error, image.name));
  if (!exif.ok) return exif;

  // Engines work on a downscaled copy; staff see boxes on the photo as attached.
  const scale = picture.originalWidth / picture.width;
  return ok({
    imageIndex,
    name: image.name,
    width: picture.originalWidth,
    height: picture.originalHeight,
    faces: found.value.faces.map((face) => ({
      box: scaleBox(face.box, scale),
      score: face.score,
      landmarks: face.landmarks.map((point) => ({ x: point.x * scale, y: point.y * scale })),
      descriptor: face.descriptor,
    })),
    possibleFaces: found.value.possibleFaces.map((face) => scaleBox(face.box, scale)),
    descriptorModel: matchFaces ? faces.value.modelId : null,
    ocr: scaleOcrResult(read.value, scale),
    exif: exif.value,
    timings: { decodeMs, detectMs: found.value.detectMs, describeMs: found.value.describeMs, ocrMs: read.value.ms },
  });
}

/** Errors name the photo, so staff know which one held the post. */
const named = (error: CheckError, name: string): CheckError => ({ ...error, message: `${name}: ${error.message}`, file: error.file ?? name });

const scaleBox = (box: Box, scale: number): Box => ({
  x: box.x * scale,
  y: box.y * scale,
  width: box.width * scale,
  height: box.height * scale,
});
