import type { GreyImage } from './grey-image';

/** Side of the blocks the paper's brightness is estimated in; wider than the boldest stroke. */
const LIGHT_BLOCK = 32;

/**
 * Evens out lighting and paper colour: divides each pixel by the local paper brightness
 * (the brightest pixel nearby), so paper becomes white and ink keeps its contrast under
 * shadows, uneven light or a cream certificate.
 */
export function normaliseLighting(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const cols = Math.ceil(width / LIGHT_BLOCK);
  const rows = Math.ceil(height / LIGHT_BLOCK);
  const blockMax = new Float32Array(cols * rows);
  for (let y = 0; y < height; y += 1) {
    const row = Math.floor(y / LIGHT_BLOCK) * cols;
    for (let x = 0; x < width; x += 1) {
      const b = row + Math.floor(x / LIGHT_BLOCK);
      const value = data[y * width + x]!;
      if (value > blockMax[b]!) blockMax[b] = value;
    }
  }
  // Widen to the 3x3 neighbourhood so a block filled by a large letter takes its neighbours' paper.
  const paper = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      let max = 0;
      for (let dr = -1; dr <= 1; dr += 1) {
        for (let dc = -1; dc <= 1; dc += 1) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) max = Math.max(max, blockMax[rr * cols + cc]!);
        }
      }
      paper[r * cols + c] = Math.max(max, 1);
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    // Bilinear between block centres so block edges leave no seams.
    const fy = Math.min(Math.max((y + 0.5) / LIGHT_BLOCK - 0.5, 0), rows - 1);
    const r0 = Math.floor(fy);
    const r1 = Math.min(r0 + 1, rows - 1);
    const wy = fy - r0;
    for (let x = 0; x < width; x += 1) {
      const fx = Math.min(Math.max((x + 0.5) / LIGHT_BLOCK - 0.5, 0), cols - 1);
      const c0 = Math.floor(fx);
      const c1 = Math.min(c0 + 1, cols - 1);
      const wx = fx - c0;
      const top = paper[r0 * cols + c0]! * (1 - wx) + paper[r0 * cols + c1]! * wx;
      const bottom = paper[r1 * cols + c0]! * (1 - wx) + paper[r1 * cols + c1]! * wx;
      const light = top * (1 - wy) + bottom * wy;
      out[y * width + x] = Math.min(255, (255 * data[y * width + x]!) / light);
    }
  }
  return { width, height, data: out };
}

/**
 * Lightens away long straight horizontal and vertical rules (name lines, table borders, margins,
 * answer boxes), however faint or broken by JPEG. A morphological opening with a long line
 * keeps only what is dark along its whole length, which is the rule and not the letters
 * crossing it; subtracting it leaves a name written on a line as letters rather than a drawing.
 */
export function removeRules(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  // Rules are found at half size, keeping the darkest of each 2x2 so a one-pixel rule survives.
  const halfWidth = Math.ceil(width / 2);
  const halfHeight = Math.ceil(height / 2);
  const darkness = new Uint8Array(halfWidth * halfHeight);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y >> 1) * halfWidth + (x >> 1);
      const dark = 255 - data[y * width + x]!;
      if (dark > darkness[i]!) darkness[i] = dark;
    }
  }
  // Longer than the widest or tallest letter a sheet is read with, shorter than a name line or table border.
  const length = Math.max(30, Math.round(Math.max(halfWidth, halfHeight) * 0.1));
  const rules = new Uint8Array(darkness.length);
  const longest = Math.max(halfWidth, halfHeight);
  const line = new Uint8Array(longest);
  const eroded = new Uint8Array(longest);
  const opened = new Uint8Array(longest);
  const scratch: Scratch = { forward: new Uint8Array(longest), backward: new Uint8Array(longest), head: new Uint8Array(longest), tail: new Uint8Array(longest) };
  for (const [count, span, stride, step] of [
    [halfHeight, halfWidth, halfWidth, 1],
    [halfWidth, halfHeight, 1, halfWidth],
  ] as const) {
    for (let k = 0; k < count; k += 1) {
      for (let j = 0; j < span; j += 1) line[j] = darkness[k * stride + j * step]!;
      slidingExtreme(line, span, length, false, eroded, scratch);
      slidingExtreme(eroded, span, length, true, opened, scratch);
      for (let j = 0; j < span; j += 1) {
        const i = k * stride + j * step;
        if (opened[j]! > rules[i]!) rules[i] = opened[j]!;
      }
    }
  }
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      out[i] = Math.min(255, data[i]! + rules[(y >> 1) * halfWidth + (x >> 1)]!);
    }
  }
  return { width, height, data: out };
}

interface Scratch {
  /** Running extremes within blocks of the window size, forwards and backwards. */
  forward: Uint8Array;
  backward: Uint8Array;
  /** Running extremes from the start and from the end, for windows cut short at the ends. */
  head: Uint8Array;
  tail: Uint8Array;
}

/**
 * Minimum (erosion) or maximum (dilation) of the first `n` values over a centred window of
 * `size`, in linear time (van Herk / Gil-Werman). Near the ends the window is cut short and
 * only the part inside counts. Erosion runs as dilation of the inverted values, so one loop
 * with plain comparisons serves both.
 */
function slidingExtreme(values: Uint8Array, n: number, size: number, maximum: boolean, out: Uint8Array, scratch: Scratch): void {
  const { forward, backward, head, tail } = scratch;
  const flip = maximum ? 0 : 255;
  for (let i = 0; i < n; i += 1) {
    const v = values[i]! ^ flip;
    const f = i % size === 0 ? v : forward[i - 1]!;
    forward[i] = f > v ? f : v;
    const h = i === 0 ? v : head[i - 1]!;
    head[i] = h > v ? h : v;
  }
  for (let i = n - 1; i >= 0; i -= 1) {
    const v = values[i]! ^ flip;
    const b = i === n - 1 || (i + 1) % size === 0 ? v : backward[i + 1]!;
    backward[i] = b > v ? b : v;
    const t = i === n - 1 ? v : tail[i + 1]!;
    tail[i] = t > v ? t : v;
  }
  const half = Math.floor(size / 2);
  for (let i = 0; i < n; i += 1) {
    const from = i - half;
    const to = from + size - 1;
    let value: number;
    if (from <= 0) value = head[to < n ? to : n - 1]!;
    else if (to >= n - 1) value = tail[from]!;
    else value = backward[from]! > forward[to]! ? backward[from]! : forward[to]!;
    out[i] = value ^ flip;
  }
}

/** Darkens each pixel to the darkest of its 3x3 neighbourhood: thin or broken handwriting strokes join up. */
export function thickenInk(image: GreyImage): GreyImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      let darkest = 255;
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) darkest = Math.min(darkest, data[(y + dy) * width + x + dx]!);
      }
      out[y * width + x] = darkest;
    }
  }
  return { width, height, data: out };
}
