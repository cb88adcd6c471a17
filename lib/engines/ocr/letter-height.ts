import type { GreyImage } from './grey-image';

/** Ink is darker than this on a lighting-normalised sheet. */
const INK = 128;

/**
 * The typical height in pixels of a letter (or joined-up word) on a lighting-normalised sheet:
 * the median height of letter-shaped blobs of ink. Null when the sheet has too little ink to say.
 * Used to scale each sheet so its text reaches tesseract at a size it reads well.
 */
export function letterHeight(sheet: GreyImage): number | null {
  const { width, height, data } = sheet;
  const parent = new Int32Array(width * height).fill(-1);
  const find = (i: number): number => {
    let root = i;
    while (parent[root]! !== root) root = parent[root]!;
    while (parent[i]! !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      if (data[i]! >= INK) continue;
      parent[i] = i;
      if (x > 0 && parent[i - 1]! >= 0) parent[find(i)] = find(i - 1);
      if (y > 0 && parent[i - width]! >= 0) {
        const a = find(i);
        const b = find(i - width);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const top = new Map<number, [number, number, number, number, number]>();
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      if (parent[i]! < 0) continue;
      const root = find(i);
      const bounds = top.get(root);
      if (!bounds) top.set(root, [x, y, x, y, 1]);
      else {
        bounds[0] = Math.min(bounds[0], x);
        bounds[2] = Math.max(bounds[2], x);
        bounds[3] = y;
        bounds[4] += 1;
      }
    }
  }
  const heights: number[] = [];
  for (const [left, topY, right, bottom, area] of top.values()) {
    const w = right - left + 1;
    const h = bottom - topY + 1;
    // Letters and joined words: not specks, not rules, not whole pictures.
    if (area < 12 || h < 5 || h > height / 3 || w > h * 12 || h > w * 10) continue;
    heights.push(h);
  }
  if (heights.length < 5) return null;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)]!;
}
