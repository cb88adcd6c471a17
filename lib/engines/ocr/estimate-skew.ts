import type { GreyImage } from './grey-image';

/** Angles tried, in degrees: photos of paper are rarely turned further. */
const MAX_SKEW_DEGREES = 12;
const STEP_DEGREES = 0.5;
/** Ink is darker than this on a lighting-normalised sheet. */
const INK = 140;
/** Paper is brighter than this; ink counts only where most of its surroundings are paper, not grass or a desk. */
const PAPER = 200;
const BLOCK = 24;
const MIN_PAPER_SHARE = 0.6;
/** Side of the thumbnail the angle is measured on. */
const SIDE = 500;

/**
 * The angle (radians, clockwise positive in image coordinates) by which the text lines of a
 * sheet slope. Projects the ink onto rows at each candidate angle and keeps the angle where rows
 * alternate most sharply between ink and gaps, i.e. where lines of text run straight across.
 */
export function estimateSkew(sheet: GreyImage): number {
  const step = Math.max(1, Math.floor(Math.max(sheet.width, sheet.height) / SIDE));
  const onPaper = paperBlocks(sheet);
  const columns = Math.ceil(sheet.width / BLOCK);
  const points: number[] = [];
  for (let y = 0; y < sheet.height; y += step) {
    for (let x = 0; x < sheet.width; x += step) {
      if (sheet.data[y * sheet.width + x]! < INK && onPaper[Math.floor(y / BLOCK) * columns + Math.floor(x / BLOCK)]) points.push(x / step, y / step);
    }
  }
  if (points.length < 50) return 0;
  const diagonal = Math.ceil(Math.hypot(sheet.width, sheet.height) / step);
  const bins = new Float64Array(diagonal * 2 + 2);
  let bestAngle = 0;
  let bestScore = -1;
  let levelScore = 0;
  for (let degrees = -MAX_SKEW_DEGREES; degrees <= MAX_SKEW_DEGREES; degrees += STEP_DEGREES) {
    const angle = (degrees * Math.PI) / 180;
    const sin = Math.sin(angle);
    const cos = Math.cos(angle);
    bins.fill(0);
    for (let i = 0; i < points.length; i += 2) {
      // Row of the point once the sheet is turned back by `angle`.
      const row = Math.round(points[i + 1]! * cos - points[i]! * sin) + diagonal;
      bins[row] = bins[row]! + 1;
    }
    let score = 0;
    for (let b = 1; b < bins.length; b += 1) {
      const change = bins[b]! - bins[b - 1]!;
      score += change * change;
    }
    if (degrees === 0) levelScore = score;
    if (score > bestScore) {
      bestScore = score;
      bestAngle = angle;
    }
  }
  // Leave the sheet as it is when level scores almost as well: turning blurs it slightly.
  return levelScore >= bestScore * 0.97 ? 0 : bestAngle;
}

/** Per block of the sheet: whether most of it is bright paper (text on a page, not a textured background). */
function paperBlocks(sheet: GreyImage): Uint8Array {
  const columns = Math.ceil(sheet.width / BLOCK);
  const rows = Math.ceil(sheet.height / BLOCK);
  const bright = new Uint32Array(columns * rows);
  const total = new Uint32Array(columns * rows);
  for (let y = 0; y < sheet.height; y += 1) {
    for (let x = 0; x < sheet.width; x += 1) {
      const block = Math.floor(y / BLOCK) * columns + Math.floor(x / BLOCK);
      total[block] = total[block]! + 1;
      if (sheet.data[y * sheet.width + x]! >= PAPER) bright[block] = bright[block]! + 1;
    }
  }
  const paper = new Uint8Array(bright.length);
  for (let block = 0; block < bright.length; block += 1) paper[block] = bright[block]! >= total[block]! * MIN_PAPER_SHARE ? 1 : 0;
  return paper;
}
