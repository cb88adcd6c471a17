import { err, ok } from '../../errors';
import { corruptImageError, emptyImageError, heicImageError, unsupportedImageError } from './image-errors';
import { READABLE_FORMATS, sniffImageFormat, type ImageFormat } from './sniff-format';
import type { ImageDecoder } from './types';
import { checkInputSize, workingSize } from './working-size';

const MIME: Partial<Record<ImageFormat, string>> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/**
 * Decodes a photo in an extension page (the offscreen document) with createImageBitmap: EXIF
 * orientation applied, downscaled by the browser to `workingSize`, transparency flattened on
 * white, RGB 8-bit. Refuses the same files with the same messages as the Node decoder.
 */
export const decodeImageBrowser: ImageDecoder = async (bytes, fileName) => {
  if (bytes.byteLength === 0) return err(emptyImageError(fileName));
  const format = sniffImageFormat(bytes);
  if (format === 'heic') return err(heicImageError(fileName));
  if (!READABLE_FORMATS.has(format)) return err(unsupportedImageError(fileName, format));
  // Browsers draw a truncated file's missing part grey instead of failing; sharp refuses it, and so must this.
  if (!looksComplete(bytes, format)) return err(corruptImageError(fileName));

  let original: ImageBitmap;
  try {
    original = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] }), { imageOrientation: 'from-image' });
  } catch {
    return err(corruptImageError(fileName));
  }
  try {
    const shown = { width: original.width, height: original.height };
    const checked = checkInputSize(shown, fileName);
    if (!checked.ok) return checked;
    const target = workingSize(shown);
    const scaled =
      target.width === shown.width && target.height === shown.height
        ? original
        : await createImageBitmap(original, { resizeWidth: target.width, resizeHeight: target.height, resizeQuality: 'high' });
    try {
      return ok({ ...toRgb(scaled), originalWidth: shown.width, originalHeight: shown.height });
    } finally {
      if (scaled !== original) scaled.close();
    }
  } catch {
    return err(corruptImageError(fileName));
  } finally {
    original.close();
  }
};

function toRgb(bitmap: ImageBitmap): { width: number; height: number; data: Uint8Array } {
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No 2D canvas.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0);
  const rgba = context.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height * 3);
  for (let pixel = 0, out = 0; pixel < rgba.length; pixel += 4, out += 3) {
    data[out] = rgba[pixel] ?? 0;
    data[out + 1] = rgba[pixel + 1] ?? 0;
    data[out + 2] = rgba[pixel + 2] ?? 0;
  }
  return { width, height, data };
}

/** Whether the file reaches its format's end marker: a cut-off download or copy does not. */
function looksComplete(bytes: Uint8Array, format: ImageFormat): boolean {
  switch (format) {
    case 'jpeg':
      return jpegReachesEnd(bytes);
    case 'png':
      return indexOfAscii(bytes, 'IEND', Math.max(0, bytes.length - 64)) >= 0;
    case 'gif':
      return bytes.subarray(-8).includes(0x3b);
    case 'webp':
      // RIFF's size field counts the bytes after the first 8.
      return bytes.length >= 8 + ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16) | ((bytes[7] ?? 0) << 24));
    default:
      return true;
  }
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number): number {
  const codes = [...text].map((char) => char.charCodeAt(0));
  for (let at = from; at + codes.length <= bytes.length; at += 1) if (codes.every((code, i) => bytes[at + i] === code)) return at;
  return -1;
}

/**
 * Walks the JPEG's segments to its End Of Image marker. Inside entropy-coded data a 0xFF byte is
 * always followed by 0x00 or a restart marker, so the walk cannot be fooled by image data, nor by
 * the EXIF thumbnail (a whole JPEG inside the APP1 segment, which the walk skips by length).
 */
function jpegReachesEnd(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xd9) return true;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 3 >= bytes.length) return false;
    at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0));
    if (marker !== 0xda) continue;
    // Start Of Scan: skip the entropy-coded data up to the next real marker.
    while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && ((bytes[at + 1] ?? 0) < 0xd0 || (bytes[at + 1] ?? 0) > 0xd7))) at += 1;
  }
  return false;
}
