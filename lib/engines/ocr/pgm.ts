import type { GreyImage } from './grey-image';

/**
 * Binary PGM: the simplest format tesseract's image reader (Leptonica) accepts, so a
 * processed image goes to the worker without a PNG encoder in Node or the browser.
 */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const bytes = new Uint8Array(header.length + image.data.length);
  bytes.set(header, 0);
  bytes.set(image.data, header.length);
  return bytes;
}
