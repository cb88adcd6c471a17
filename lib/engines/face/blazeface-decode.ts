import type { Box, Point } from '../../geometry';

/** Side of the square input of the BlazeFace "back" (long-range) model. */
export const BLAZEFACE_INPUT_SIZE = 256;
/** Values per anchor in the regressor outputs: box centre offset (2), box size (2), six keypoints (12). */
export const BLAZEFACE_VALUES_PER_ANCHOR = 16;

/**
 * Anchor centres in input pixels, in the order of the model's outputs: a 16x16 grid (stride 16) with 2 anchors
 * per cell (the 512-row outputs) then an 8x8 grid (stride 32) with 6 per cell (the 384-row outputs): 896 anchors.
 * MediaPipe's SSD anchor options for this model use fixed-size anchors, so only the centres matter.
 */
export const BLAZEFACE_ANCHORS: readonly Point[] = (() => {
  const anchors: Point[] = [];
  for (const { stride, perCell } of [
    { stride: 16, perCell: 2 },
    { stride: 32, perCell: 6 },
  ]) {
    const cells = BLAZEFACE_INPUT_SIZE / stride;
    for (let row = 0; row < cells; row++) {
      for (let column = 0; column < cells; column++) {
        for (let k = 0; k < perCell; k++) anchors.push({ x: (column + 0.5) * stride, y: (row + 0.5) * stride });
      }
    }
  }
  return anchors;
})();

export interface InputDetection {
  /** In detector input pixels. */
  box: Box;
  score: number;
  /** Right eye, left eye (the person's), nose tip, mouth centre, right ear, left ear, in input pixels. */
  keypoints: Point[];
}

const sigmoid = (logit: number): number => 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, logit))));

/**
 * Decodes the raw outputs of one BlazeFace run: `regressors` holds 16 values per anchor (offsets and sizes in
 * input pixels, relative to the anchor centre), `logits` one score logit per anchor.
 */
export function decodeBlazeFace(regressors: ArrayLike<number>, logits: ArrayLike<number>, minScore: number): InputDetection[] {
  const detections: InputDetection[] = [];
  BLAZEFACE_ANCHORS.forEach((anchor, i) => {
    const score = sigmoid(logits[i] ?? -Infinity);
    if (score < minScore) return;
    const at = i * BLAZEFACE_VALUES_PER_ANCHOR;
    const value = (k: number): number => regressors[at + k] ?? 0;
    const width = value(2),
      height = value(3);
    const box = { x: anchor.x + value(0) - width / 2, y: anchor.y + value(1) - height / 2, width, height };
    const keypoints: Point[] = [];
    for (let k = 0; k < 6; k++) keypoints.push({ x: anchor.x + value(4 + 2 * k), y: anchor.y + value(5 + 2 * k) });
    detections.push({ box, score, keypoints });
  });
  return detections;
}
