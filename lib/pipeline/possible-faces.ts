import { CONFIDENT_READ } from '../engines/ocr/types';
import { boundsOf, centreInside, containment, type Box } from '../geometry';
import type { ImageAnalysis } from './types';

/** Share of a possible face covered by one clearly read word above which the detection is that word's letters. */
const ON_WORD = 0.3;

/**
 * The detections the face mesh model could not confirm that a person must look at: a face turned
 * away, cut by the frame or partly hidden is still a child who may lack consent. Those on a sheet
 * the OCR found (certificate artwork) or on a word it read clearly (a logo's letters) are explained
 * by the text and dropped.
 */
export function possibleFaces(image: ImageAnalysis): Box[] {
  const sheets = image.ocr.regions.flatMap((region) => (region.kind === 'document' ? (boundsOf(region.corners) ?? []) : []));
  const words = image.ocr.lines.flatMap((line) => line.words.filter((word) => word.confidence >= CONFIDENT_READ).map((word) => word.box));
  return image.possibleFaces.filter((face) => !sheets.some((sheet) => centreInside(face, sheet)) && !words.some((word) => containment(face, word) > ON_WORD));
}
