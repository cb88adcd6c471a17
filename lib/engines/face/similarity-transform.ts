import type { Point } from '../../geometry';

/** x' = a*x - b*y + tx, y' = b*x + a*y + ty: rotation, uniform scale and shift. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** Least-squares similarity taking each `from` point onto the matching `to` point (closed form, 2-D Umeyama without reflection). */
export function fitSimilarity(from: readonly Point[], to: readonly Point[]): Similarity {
  const n = Math.min(from.length, to.length);
  if (n < 2) throw new Error('fitSimilarity needs at least two point pairs');
  let fx = 0,
    fy = 0,
    gx = 0,
    gy = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i]!.x / n;
    fy += from[i]!.y / n;
    gx += to[i]!.x / n;
    gy += to[i]!.y / n;
  }
  let spread = 0,
    dot = 0,
    cross = 0;
  for (let i = 0; i < n; i++) {
    const px = from[i]!.x - fx,
      py = from[i]!.y - fy,
      qx = to[i]!.x - gx,
      qy = to[i]!.y - gy;
    spread += px * px + py * py;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
  }
  const a = dot / spread,
    b = cross / spread;
  return { a, b, tx: gx - (a * fx - b * fy), ty: gy - (b * fx + a * fy) };
}

export function applySimilarity(m: Similarity, p: Point): Point {
  return { x: m.a * p.x - m.b * p.y + m.tx, y: m.b * p.x + m.a * p.y + m.ty };
}

/** Pixels of the `to` space per pixel of the `from` space. */
export const similarityScale = (m: Similarity): number => Math.hypot(m.a, m.b);
