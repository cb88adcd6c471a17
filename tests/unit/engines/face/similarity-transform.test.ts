import { describe, expect, it } from 'vitest';
import { applySimilarity, fitSimilarity, similarityScale } from '../../../../lib/engines/face/similarity-transform';

describe('fitSimilarity', () => {
  it('recovers a rotation, scale and shift exactly from matching points', () => {
    const truth = { a: 2 * Math.cos(0.3), b: 2 * Math.sin(0.3), tx: 40, ty: -7 };
    const from = [
      { x: 47.55, y: 46.6 },
      { x: 100.48, y: 46.6 },
      { x: 74.01, y: 76.56 },
      { x: 74.01, y: 105.86 },
    ];
    const fitted = fitSimilarity(
      from,
      from.map((p) => applySimilarity(truth, p)),
    );
    expect(fitted.a).toBeCloseTo(truth.a, 9);
    expect(fitted.b).toBeCloseTo(truth.b, 9);
    expect(fitted.tx).toBeCloseTo(truth.tx, 9);
    expect(fitted.ty).toBeCloseTo(truth.ty, 9);
    expect(similarityScale(fitted)).toBeCloseTo(2, 9);
  });

  it('gives the least-squares fit when points disagree', () => {
    const from = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ];
    const fitted = fitSimilarity(from, [
      { x: 0, y: 1 },
      { x: 10, y: -1 },
    ]);
    expect(applySimilarity(fitted, { x: 5, y: 0 })).toEqual({ x: 5, y: 0 });
  });

  it('needs two pairs', () => {
    expect(() => fitSimilarity([{ x: 0, y: 0 }], [{ x: 1, y: 1 }])).toThrow();
  });
});
