import type { Box } from '../../geometry';
import { BLAZEFACE_INPUT_SIZE } from './blazeface-decode';
import type { FaceEngineConfig } from './face-engine-config';

type RegionConfig = Pick<FaceEngineConfig, 'minFaceShare' | 'minFacePx' | 'detectorMinFacePx'>;

/** A square of the photo the detector looks at, and the sizes of face it is trusted to report there (photo pixels). */
export interface DetectionRegion {
  box: Box;
  minFaceSide: number;
  maxFaceSide: number;
}

/** The whole photo as one square (the short side padded), so faces keep their shape in the square detector input. */
export function wholeImageRegion(width: number, height: number, border = 0): DetectionRegion {
  const side = Math.max(width, height) * (1 + 2 * border);
  return { box: { x: (width - side) / 2, y: (height - side) / 2, width: side, height: side }, minFaceSide: 0, maxFaceSide: Infinity };
}

function spread(length: number, tile: number, overlap: number): number[] {
  if (tile >= length) return [(length - tile) / 2];
  const count = Math.ceil((length - overlap) / (tile - overlap));
  return Array.from({ length: count }, (_, i) => (i * (length - tile)) / (count - 1));
}

/**
 * Square regions the detector runs on: the whole photo (large faces), then overlapping tiles small enough that the
 * smallest face looked for is `detectorMinFacePx` wide in the detector input. Tiles overlap by the size of face
 * the whole-photo pass may still miss, so every face lies entirely inside some region that finds it. Each pass
 * reports only the sizes it sees well: a tile up to 1.5 times that overlap (larger faces may be cut by its edge,
 * and BlazeFace then fires on the half it sees); the whole photo, once tiled, from detectorMinFacePx up (smaller
 * faces are a few input pixels wide there and their boxes land beside the face).
 */
export function planDetectionRegions(width: number, height: number, config: RegionConfig): DetectionRegion[] {
  const long = Math.max(width, height);
  const whole = wholeImageRegion(width, height);
  const minFace = Math.max(config.minFacePx, long * config.minFaceShare);
  const tile = Math.round((minFace * BLAZEFACE_INPUT_SIZE) / config.detectorMinFacePx);
  if (tile >= long) return [whole];
  const regions = [{ ...whole, minFaceSide: (long * config.detectorMinFacePx) / BLAZEFACE_INPUT_SIZE }];
  // The whole-photo pass may still miss faces up to a third above the smallest it finds.
  const overlap = (long * config.detectorMinFacePx * 4) / 3 / BLAZEFACE_INPUT_SIZE;
  for (const y of spread(height, tile, overlap)) {
    for (const x of spread(width, tile, overlap)) regions.push({ box: { x, y, width: tile, height: tile }, minFaceSide: 0, maxFaceSide: 1.5 * overlap });
  }
  return regions;
}
