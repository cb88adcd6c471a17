/**
 * Plane geometry shared by the engines, the pipeline and the rules. A leaf: it imports nothing.
 * Boxes are axis-aligned, in pixels of the image they were found in.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

const area = (box: Box): number => box.width * box.height;

/** The area two boxes share (0 when they do not touch). */
export const intersection = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

export function intersectionOverUnion(a: Box, b: Box): number {
  const shared = intersection(a, b);
  return shared / (area(a) + area(b) - shared);
}

/** Share of the smaller box that lies inside the other one: the same thing found twice overlaps almost wholly. */
export const containment = (a: Box, b: Box): number => intersection(a, b) / Math.min(area(a), area(b));

/** The smallest box around the points (a sheet's corners), or null for none. */
export const boundsOf = (points: readonly Point[]): Box | null => unionOf(points.map(({ x, y }) => ({ x, y, width: 0, height: 0 })));

/** The smallest box around all of them, or null for none. */
export function unionOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

export function centreInside(box: Box, area: Box): boolean {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height;
}

/** Shoelace area of a polygon: positive when its points run clockwise in image coordinates (y down). */
export function signedArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i += 1) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum / 2;
}
