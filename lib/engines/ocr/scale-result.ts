import type { Box } from '../../geometry';
import type { OcrImageResult } from './types';

/**
 * The same reading with every box and corner multiplied by `scale`: OCR works on the decoded
 * (possibly downscaled) photo, and staff see boxes on the photo as attached.
 */
export function scaleOcrResult(result: OcrImageResult, scale: number): OcrImageResult {
  const box = (b: Box): Box => ({ x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale });
  return {
    ...result,
    width: result.width * scale,
    height: result.height * scale,
    regions: result.regions.map((region) => ({ ...region, corners: region.corners.map((p) => ({ x: p.x * scale, y: p.y * scale })) })),
    lines: result.lines.map((line) => ({ ...line, box: box(line.box), words: line.words.map((word) => ({ ...word, box: box(word.box) })) })),
    nameFields: result.nameFields.map((field) => ({ ...field, box: box(field.box) })),
  };
}
