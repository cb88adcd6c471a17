import type { Box, Point } from '../../geometry';
import type { GreyImage } from './grey-image';

/** A 3x3 projective transform, row-major, with h[8] = 1. */
export type Homography = readonly number[];

/** Corners of a four-sided region, clockwise from top-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** The transform taking each `from` corner onto the matching `to` corner. */
export function homographyBetween(from: Quad, to: Quad): Homography {
  // Eight equations in eight unknowns (h0..h7), two per corner pair.
  const rows: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const solution = solve(rows);
  return [...solution, 1];
}

export function applyHomography(h: Homography, point: Point): Point {
  const w = h[6]! * point.x + h[7]! * point.y + 1;
  return { x: (h[0]! * point.x + h[1]! * point.y + h[2]!) / w, y: (h[3]! * point.x + h[4]! * point.y + h[5]!) / w };
}

/** The axis-aligned box around a transformed box (a box becomes a quadrilateral). */
export function mapBox(h: Homography, box: Box): Box {
  const corners = [
    { x: box.x, y: box.y },
    { x: box.x + box.width, y: box.y },
    { x: box.x + box.width, y: box.y + box.height },
    { x: box.x, y: box.y + box.height },
  ].map((corner) => applyHomography(h, corner));
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * Samples `source` through `outputToSource` into a width x height image (bilinear):
 * straightens a photographed page and enlarges it in one step. Outside the source is white.
 */
export function warpGrey(source: GreyImage, outputToSource: Homography, width: number, height: number): GreyImage {
  const out = new Uint8Array(width * height);
  const [h0, h1, h2, h3, h4, h5, h6, h7] = outputToSource as [number, number, number, number, number, number, number, number];
  const maxX = source.width - 1;
  const maxY = source.height - 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const w = h6 * x + h7 * y + 1;
      const sx = (h0 * x + h1 * y + h2) / w;
      const sy = (h3 * x + h4 * y + h5) / w;
      if (sx < 0 || sy < 0 || sx > maxX || sy > maxY) {
        out[y * width + x] = 255;
        continue;
      }
      const x0 = Math.min(Math.floor(sx), maxX - 1);
      const y0 = Math.min(Math.floor(sy), maxY - 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * source.width + x0;
      const top = source.data[i]! + (source.data[i + 1]! - source.data[i]!) * fx;
      const bottom = source.data[i + source.width]! + (source.data[i + source.width + 1]! - source.data[i + source.width]!) * fx;
      out[y * width + x] = top + (bottom - top) * fy;
    }
  }
  return { width, height, data: out };
}

/** Gaussian elimination with partial pivoting on an augmented n x (n+1) system. */
function solve(rows: number[][]): number[] {
  const n = rows.length;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const lead = rows[col]!;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const row = rows[r]!;
      const factor = row[col]! / lead[col]!;
      for (let c = col; c <= n; c += 1) row[c] = row[c]! - factor * lead[c]!;
    }
  }
  return rows.map((row, i) => row[n]! / row[i]!);
}
