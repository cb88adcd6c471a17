import { describe, expect, it } from 'vitest';
import { planDetectionRegions, wholeImageRegion } from '../../../../lib/engines/face/detection-regions';
import { DEFAULT_FACE_ENGINE_CONFIG } from '../../../../lib/engines/face/face-engine-config';
import type { Box } from '../../../../lib/geometry';

const config = DEFAULT_FACE_ENGINE_CONFIG;
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9 && inner.x + inner.width <= outer.x + outer.width + 1e-9 && inner.y + inner.height <= outer.y + outer.height + 1e-9;

describe('wholeImageRegion', () => {
  it('is the photo padded to a centred square, optionally with a border', () => {
    expect(wholeImageRegion(1600, 1200).box).toEqual({ x: 0, y: -200, width: 1600, height: 1600 });
    expect(wholeImageRegion(150, 150, 0.5).box).toEqual({ x: -75, y: -75, width: 300, height: 300 });
  });
});

describe('planDetectionRegions', () => {
  it('looks at a photo whole, once, when its tiles would be no smaller than the photo', () => {
    // Faces down to 24 px are looked for in any photo: 24 px is 12 px of the detector input at a 512 px tile.
    expect(planDetectionRegions(500, 400, config)).toEqual([{ ...wholeImageRegion(500, 400), minFaceSide: 0 }]);
    expect(planDetectionRegions(600, 400, config).length).toBeGreaterThan(1);
  });

  it('adds overlapping tiles on a 1600 x 1200 photo: the whole photo plus a 2 x 2 grid', () => {
    const [whole, ...tiles] = planDetectionRegions(1600, 1200, config);
    expect(whole!.maxFaceSide).toBe(Infinity);
    // Once tiled, the whole-photo pass leaves faces under 12 px of its input (75 px here) to the tiles.
    expect(whole!.minFaceSide).toBe(75);
    expect(tiles).toHaveLength(4);
    // The smallest face looked for (1/40 of 1600 = 40 px) is 12 px in the 256 px detector input.
    expect(tiles[0]!.box.width).toBe(853);
  });

  it('sizes tiles for the smallest face looked for, at any photo size', () => {
    for (const [width, height] of [
      [2048, 1536],
      [853, 1280],
      [4000, 600],
      [1000, 1000],
    ] as const) {
      const tiles = planDetectionRegions(width, height, config).slice(1);
      const minFace = Math.max(config.minFacePx, Math.max(width, height) * config.minFaceShare);
      for (const { box } of tiles) expect((minFace * 256) / box.width).toBeCloseTo(config.detectorMinFacePx, 1);
    }
  });

  it('puts every face the whole-photo pass may miss entirely inside some tile that reports it', () => {
    const width = 2048,
      height = 1536;
    const [, ...tiles] = planDetectionRegions(width, height, config);
    const largestMissed = (Math.max(width, height) * 16) / 256;
    for (let y = 0; y + largestMissed <= height; y += 37) {
      for (let x = 0; x + largestMissed <= width; x += 37) {
        const face = { x, y, width: largestMissed, height: largestMissed };
        expect(tiles.some((tile) => inside(face, tile.box) && largestMissed <= tile.maxFaceSide)).toBe(true);
      }
    }
  });
});
