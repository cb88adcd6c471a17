import type { DecodedImage } from '../image/types';

/** One channel, 8 bits per pixel, row-major: what the OCR steps work on. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Rec. 601 luma: dark ink on coloured paper stays dark. */
export function toGrey(image: DecodedImage): GreyImage {
  const { width, height, data } = image;
  const grey = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < grey.length; i += 1, j += 3) {
    grey[i] = (data[j]! * 299 + data[j + 1]! * 587 + data[j + 2]! * 114 + 500) / 1000;
  }
  return { width, height, data: grey };
}

/**
 * Shrinks an RGB image by averaging whole blocks of pixels, so thin strokes and
 * textures blend instead of aliasing. `factor` is the block side (>= 1).
 */
export function shrinkRgb(image: DecodedImage, factor: number): DecodedImage {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const sums = new Float64Array(width * height * 3);
  for (let y = 0; y < height * factor; y += 1) {
    const target = Math.floor(y / factor) * width * 3;
    const source = y * image.width * 3;
    for (let x = 0; x < width * factor; x += 1) {
      const t = target + Math.floor(x / factor) * 3;
      const s = source + x * 3;
      sums[t] = sums[t]! + image.data[s]!;
      sums[t + 1] = sums[t + 1]! + image.data[s + 1]!;
      sums[t + 2] = sums[t + 2]! + image.data[s + 2]!;
    }
  }
  const area = factor * factor;
  const data = new Uint8Array(sums.length);
  for (let i = 0; i < sums.length; i += 1) data[i] = sums[i]! / area;
  return { width, height, data, originalWidth: image.originalWidth, originalHeight: image.originalHeight };
}
