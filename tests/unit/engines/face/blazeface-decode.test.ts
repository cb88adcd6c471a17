import { describe, expect, it } from 'vitest';
import { BLAZEFACE_ANCHORS, BLAZEFACE_VALUES_PER_ANCHOR, decodeBlazeFace } from '../../../../lib/engines/face/blazeface-decode';

const ANCHORS = BLAZEFACE_ANCHORS.length;

/** Raw model outputs with every anchor far below any threshold except the ones given. */
function outputs(set: { anchor: number; logit: number; values: number[] }[]) {
  const regressors = new Float32Array(ANCHORS * BLAZEFACE_VALUES_PER_ANCHOR);
  const logits = new Float32Array(ANCHORS).fill(-20);
  for (const { anchor, logit, values } of set) {
    logits[anchor] = logit;
    regressors.set(values, anchor * BLAZEFACE_VALUES_PER_ANCHOR);
  }
  return { regressors, logits };
}

describe('BlazeFace back-model anchors', () => {
  it('has 896 anchors: a 16x16 grid with 2 per cell, then an 8x8 grid with 6 per cell', () => {
    expect(ANCHORS).toBe(896);
    expect(BLAZEFACE_ANCHORS.slice(0, 3)).toEqual([
      { x: 8, y: 8 },
      { x: 8, y: 8 },
      { x: 24, y: 8 },
    ]);
    expect(BLAZEFACE_ANCHORS[511]).toEqual({ x: 248, y: 248 });
    expect(BLAZEFACE_ANCHORS.slice(512, 519)).toEqual([...Array(6).fill({ x: 16, y: 16 }), { x: 48, y: 16 }]);
    expect(BLAZEFACE_ANCHORS[895]).toEqual({ x: 240, y: 240 });
  });
});

describe('decodeBlazeFace', () => {
  it('keeps anchors whose sigmoid score reaches the minimum, with box and keypoints relative to the anchor centre', () => {
    // Anchor 34 is cell (1, 1) of the 16x16 grid: centre (24, 24).
    const keypoints = [-5, -4, 5, -4, 0, 0, 0, 6, -9, 0, 9, 0];
    const { regressors, logits } = outputs([
      { anchor: 34, logit: 2, values: [1, -2, 20, 30, ...keypoints] },
      { anchor: 700, logit: -1, values: [0, 0, 10, 10, ...keypoints] },
    ]);
    const found = decodeBlazeFace(regressors, logits, 0.5);
    expect(found).toHaveLength(1);
    const [face] = found;
    expect(face!.score).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    expect(face!.box).toEqual({ x: 24 + 1 - 10, y: 24 - 2 - 15, width: 20, height: 30 });
    expect(face!.keypoints[0]).toEqual({ x: 19, y: 20 });
    expect(face!.keypoints[3]).toEqual({ x: 24, y: 30 });
    expect(face!.keypoints).toHaveLength(6);
    expect(decodeBlazeFace(regressors, logits, 0.2)).toHaveLength(2);
  });

  it('finds nothing in an empty result', () => {
    const { regressors, logits } = outputs([]);
    expect(decodeBlazeFace(regressors, logits, 0.01)).toEqual([]);
  });
});
