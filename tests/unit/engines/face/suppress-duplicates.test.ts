import { describe, expect, it } from 'vitest';
import { containment, intersectionOverUnion } from '../../../../lib/geometry';
import { suppressDuplicates } from '../../../../lib/engines/face/suppress-duplicates';

const face = (x: number, y: number, side: number, score: number) => ({ box: { x, y, width: side, height: side }, score });

describe('box overlap', () => {
  it('measures intersection over union and the share of the smaller box inside the other', () => {
    expect(intersectionOverUnion(face(0, 0, 10, 1).box, face(5, 0, 10, 1).box)).toBeCloseTo(50 / 150);
    expect(intersectionOverUnion(face(0, 0, 10, 1).box, face(20, 0, 10, 1).box)).toBe(0);
    expect(containment(face(0, 0, 100, 1).box, face(10, 10, 20, 1).box)).toBe(1);
  });
});

describe('suppressDuplicates', () => {
  it('keeps the best-scored detection of each face', () => {
    const kept = suppressDuplicates([face(0, 0, 100, 0.6), face(5, 5, 100, 0.9), face(300, 0, 100, 0.7)], 0.3, 0.6);
    expect(kept.map((k) => k.score)).toEqual([0.9, 0.7]);
  });

  it('drops a smaller box lying mostly inside a better one (part of a big face), whatever its IoU', () => {
    const kept = suppressDuplicates([face(0, 0, 160, 0.95), face(40, 20, 85, 0.6)], 0.3, 0.6);
    expect(kept).toHaveLength(1);
  });

  it('keeps neighbouring faces that touch', () => {
    expect(suppressDuplicates([face(0, 0, 50, 0.9), face(45, 0, 50, 0.8)], 0.3, 0.6)).toHaveLength(2);
  });
});
