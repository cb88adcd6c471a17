import type { Box } from '../../pipeline/geometry';

const intersection = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

export function intersectionOverUnion(a: Box, b: Box): number {
  const shared = intersection(a, b);
  return shared / (a.width * a.height + b.width * b.height - shared);
}

/** Share of the smaller box that lies inside the other one. */
export function containment(a: Box, b: Box): number {
  return intersection(a, b) / Math.min(a.width * a.height, b.width * b.height);
}
