import { signedArea, type Point } from '../../geometry';
import type { DecodedImage } from '../image/types';
import { shrinkRgb, toGrey } from './grey-image';
import type { Quad } from './homography';

/** Long side of the thumbnail the paper is looked for in: enough for a sheet held in a group photo. */
const SEARCH_SIDE = 480;
/** Paper is bright and nearly colourless; coloured borders and photos are not. */
const MAX_SATURATION = 0.25;
const MIN_BRIGHTNESS = 140;
/** A sheet covers at least this share of the photo (a certificate on a lap in a class photo is about 5 %). */
const MIN_AREA_SHARE = 0.015;
/** Filled share of the fitted quadrilateral: paper is four-sided, walls and sky rarely are. */
const MIN_RECTANGULARITY = 0.88;

/** Share of each side of a fitted quadrilateral that must run along a paper edge for the fit to be trusted. */
const MIN_EDGE_SUPPORT = 0.6;
/** Paper is at least this much brighter just inside its edge than just outside. */
const EDGE_CONTRAST = 12;

export interface FoundDocument {
  /** Corners clockwise from top-left, in pixels of the searched image. */
  corners: Quad;
  /**
   * True when every side of the quadrilateral follows a visible paper edge, so it can be used
   * to undo perspective; otherwise `corners` is the upright box around the paper (for example
   * when the sheet touches something as bright as itself).
   */
  outlined: boolean;
}

/**
 * Finds sheets of paper (certificates, work, display boards) in a photo: bright, colourless,
 * four-sided regions. Largest first, none nested.
 */
export function findDocuments(image: DecodedImage): FoundDocument[] {
  const factor = Math.max(1, Math.floor(Math.max(image.width, image.height) / SEARCH_SIDE));
  const small = shrinkRgb(image, factor);
  const { width, height } = small;
  const mask = paperMask(small);
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const rowLeft = new Int32Array(height);
  const rowRight = new Int32Array(height);
  const found: Candidate[] = [];
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || seen[start]) continue;
    const candidate = traceComponent(mask, seen, stack, rowLeft, rowRight, width, height, start);
    if (candidate) found.push(candidate);
  }
  found.sort((a, b) => b.area - a.area);
  const kept: Candidate[] = [];
  for (const candidate of found) {
    if (kept.some((outer) => contains(outer.quad, centroid(candidate.quad)))) continue;
    kept.push(candidate);
  }
  const luma = toGrey(small).data;
  const scale = (quad: Quad): Quad => {
    const s = (p: Point): Point => ({ x: (p.x + 0.5) * factor, y: (p.y + 0.5) * factor });
    return [s(quad[0]), s(quad[1]), s(quad[2]), s(quad[3])];
  };
  return kept.map(({ quad, bounds }) => {
    const outlined = edgeSupport(quad, luma, width, height) >= MIN_EDGE_SUPPORT;
    return { corners: scale(outlined ? quad : bounds), outlined };
  });
}

interface Candidate {
  quad: Quad;
  /** Area of the quadrilateral, in thumbnail pixels. */
  area: number;
  /** The upright box around the component. */
  bounds: Quad;
}

/**
 * Flood-fills one component of the paper mask and fits a quadrilateral to it. Corners are the
 * extreme points along the two diagonals (fine for sheets turned less than about 30 degrees);
 * holes left by printing are filled row by row before the areas are compared.
 */
function traceComponent(
  mask: Uint8Array,
  seen: Uint8Array,
  stack: Int32Array,
  rowLeft: Int32Array,
  rowRight: Int32Array,
  width: number,
  height: number,
  start: number,
): Candidate | null {
  rowLeft.fill(width);
  rowRight.fill(-1);
  // Best pixel and score along each diagonal direction: -(x+y), x-y, x+y, y-x.
  const best = [start, start, start, start];
  const score = [-Infinity, -Infinity, -Infinity, -Infinity];
  let count = 0;
  let top = height;
  let bottom = -1;
  let size = 0;
  stack[size++] = start;
  seen[start] = 1;
  while (size > 0) {
    const i = stack[--size]!;
    count += 1;
    const x = i % width;
    const y = (i - x) / width;
    if (x < rowLeft[y]!) rowLeft[y] = x;
    if (x > rowRight[y]!) rowRight[y] = x;
    if (y < top) top = y;
    if (y > bottom) bottom = y;
    const diagonals = [-(x + y), x - y, x + y, y - x] as const;
    for (let k = 0; k < 4; k += 1) {
      if (diagonals[k]! > score[k]!) {
        score[k] = diagonals[k]!;
        best[k] = i;
      }
    }
    for (const n of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
      if (n >= 0 && mask[n] && !seen[n]) {
        seen[n] = 1;
        stack[size++] = n;
      }
    }
  }
  if (count < MIN_AREA_SHARE * width * height) return null;
  let filled = 0;
  let left = width;
  let right = -1;
  for (let y = top; y <= bottom; y += 1) {
    if (rowRight[y]! < 0) continue;
    filled += rowRight[y]! - rowLeft[y]! + 1;
    left = Math.min(left, rowLeft[y]!);
    right = Math.max(right, rowRight[y]!);
  }
  const point = (i: number): Point => ({ x: i % width, y: Math.floor(i / width) });
  const quad: Quad = [point(best[0]!), point(best[1]!), point(best[2]!), point(best[3]!)];
  const area = signedArea(quad);
  if (area <= 0 || !isConvex(quad)) return null;
  if (filled / area < MIN_RECTANGULARITY || filled / area > 1 / MIN_RECTANGULARITY) return null;
  const bounds: Quad = [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
  return { quad, area, bounds };
}

/**
 * The weakest side's share of points where the quadrilateral really is a paper edge: brighter
 * just inside than just outside, or the photo's border. A corner pulled away by glare or a
 * white shirt fails here.
 */
function edgeSupport(quad: Quad, luma: Uint8Array, width: number, height: number): number {
  const SAMPLES = 24;
  const OFFSET = 2;
  const at = (x: number, y: number): number | null => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi < 0 || yi < 0 || xi >= width || yi >= height ? null : luma[yi * width + xi]!;
  };
  let weakest = 1;
  for (let side = 0; side < 4; side += 1) {
    const a = quad[side]!;
    const b = quad[(side + 1) % 4]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    // Clockwise corners: the inward normal is the side direction turned right.
    const nx = -(b.y - a.y) / length;
    const ny = (b.x - a.x) / length;
    let supported = 0;
    for (let k = 1; k <= SAMPLES; k += 1) {
      const t = (k - 0.5) / SAMPLES;
      const x = a.x + (b.x - a.x) * t;
      const y = a.y + (b.y - a.y) * t;
      const inside = at(x + nx * OFFSET, y + ny * OFFSET);
      const outside = at(x - nx * OFFSET, y - ny * OFFSET);
      if (outside === null || (inside !== null && inside - outside >= EDGE_CONTRAST)) supported += 1;
    }
    weakest = Math.min(weakest, supported / SAMPLES);
  }
  return weakest;
}

function paperMask(image: DecodedImage): Uint8Array {
  const mask = new Uint8Array(image.width * image.height);
  for (let i = 0, j = 0; i < mask.length; i += 1, j += 3) {
    const r = image.data[j]!;
    const g = image.data[j + 1]!;
    const b = image.data[j + 2]!;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    mask[i] = max >= MIN_BRIGHTNESS && max - min <= MAX_SATURATION * max ? 1 : 0;
  }
  return mask;
}

function isConvex(quad: Quad): boolean {
  for (let i = 0; i < 4; i += 1) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const c = quad[(i + 2) % 4]!;
    if ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) <= 0) return false;
  }
  return true;
}

const centroid = (quad: Quad): Point => ({
  x: (quad[0].x + quad[1].x + quad[2].x + quad[3].x) / 4,
  y: (quad[0].y + quad[1].y + quad[2].y + quad[3].y) / 4,
});

function contains(quad: Quad, point: Point): boolean {
  for (let i = 0; i < 4; i += 1) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    if ((b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x) < 0) return false;
  }
  return true;
}
