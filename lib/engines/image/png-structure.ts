import CRC32 from 'crc-32';
import { Unzlib } from 'fflate';
import type { StructureCheck } from './jpeg-structure';

const SIGNATURE_LENGTH = 8;

/** Channels per pixel for each PNG colour type (greyscale, RGB, palette, grey + alpha, RGBA). */
const CHANNELS: Partial<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

/** Filtered image data the header calls for: one filter byte per row, then the row's packed pixels. */
function expectedDataLength(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (columns: number, count: number): number => (columns === 0 || count === 0 ? 0 : count * (1 + Math.ceil((columns * bitsPerPixel) / 8)));
  if (!interlaced) return rows(width, height);
  return ADAM7.reduce((sum, [x, y, dx, dy]) => sum + rows(Math.ceil((width - x) / dx), Math.ceil((height - y) / dy)), 0);
}

/**
 * A PNG's structure, checked without decoding a pixel (see jpeg-structure.ts for why): every chunk whole with a
 * correct CRC, IHDR first and IEND last, and the image data inflating to exactly the size IHDR declares. A file
 * whose height was edited down, or whose data was cut off or replaced, fails the last test. `maxPixels` bounds
 * the inflating: a larger picture is refused for its size by the caller, and need not be inflated to be refused.
 */
export function checkPngStructure(bytes: Uint8Array, maxPixels: number): StructureCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let image: { width: number; height: number; expected: number; inflater: Unzlib } | null = null;
  let inflated = 0;
  let seenData = false;
  try {
    for (let at = SIGNATURE_LENGTH; at + 12 <= bytes.length;) {
      const length = view.getUint32(at);
      const type = ascii(bytes, at + 4);
      const end = at + 12 + length;
      if (end > bytes.length) return { ok: false, reason: `chunk ${type} runs past the end of the file` };
      const data = bytes.subarray(at + 8, at + 8 + length);
      if (CRC32.buf(data, CRC32.buf(bytes.subarray(at + 4, at + 8))) !== view.getInt32(at + 8 + length)) return { ok: false, reason: `chunk ${type} has a wrong CRC` };

      if (type === 'IHDR') {
        if (image !== null || length !== 13) return { ok: false, reason: 'IHDR is invalid' };
        const width = view.getUint32(at + 8);
        const height = view.getUint32(at + 12);
        const channels = CHANNELS[data[9] ?? -1];
        if (width === 0 || height === 0 || channels === undefined) return { ok: false, reason: 'IHDR is invalid' };
        if (width * height > maxPixels) return { ok: true, size: { width, height } };
        const expected = expectedDataLength(width, height, channels * (data[8] ?? 0), data[12] === 1);
        image = { width, height, expected, inflater: new Unzlib((chunk) => (inflated += chunk.length)) };
      } else if (image === null) {
        return { ok: false, reason: 'IHDR is not the first chunk' };
      } else if (type === 'IDAT') {
        seenData = true;
        image.inflater.push(data);
        // More data than the header allows: stop here rather than inflate a file that may never end.
        if (inflated > image.expected) return { ok: false, reason: 'more image data than the header declares' };
      } else if (type === 'IEND') {
        if (!seenData) return { ok: false, reason: 'no image data' };
        image.inflater.push(new Uint8Array(0), true);
        if (inflated !== image.expected) return { ok: false, reason: `image data inflates to ${inflated} bytes, the header declares ${image.expected}` };
        return { ok: true, size: { width: image.width, height: image.height } };
      }
      at = end;
    }
  } catch {
    // fflate throws on data that is not a deflate stream, or one that ends early.
    return { ok: false, reason: 'the image data does not inflate' };
  }
  return { ok: false, reason: 'no IEND chunk: the file is cut short' };
}
