import { err, ok, type CheckError, type Result } from '../../errors';
import { tooLargeImageError } from './image-errors';

/**
 * Photos are decoded to at most this many pixels on the long side. Face detection tiles the image relative to
 * its size, so its cost does not grow with this; it only sets how much detail small faces keep for description
 * (a class photo from a 4000-px phone camera keeps faces about 60 px wide) for about 38 MB of float pixels.
 */
export const WORKING_MAX_SIDE = 2048;

/** Larger than any camera (200 MP phone sensors included): such a file is a mistake or a decompression bomb. */
export const MAX_INPUT_PIXELS = 250_000_000;
export const MAX_INPUT_SIDE = 30_000;

export interface Size {
  width: number;
  height: number;
}

/** Refuses absurd dimensions before any pixel is decoded. */
export function checkInputSize(size: Size, file: string): Result<Size, CheckError> {
  const { width, height } = size;
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS) {
    return err(tooLargeImageError(file, width, height));
  }
  return ok(size);
}

/** The decoded size: the original scaled down (never up) so its long side is at most WORKING_MAX_SIDE. */
export function workingSize({ width, height }: Size): Size {
  const scale = Math.min(1, WORKING_MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
