import { err, ok } from '../../errors';
import { corruptImageError } from './image-errors';
import { readableFormat, type ImageFormat } from './sniff-format';
import { checkImageStructure } from './structure';
import type { ImageDecoder } from './types';
import { checkInputSize, workingSize } from './working-size';

const MIME: Partial<Record<ImageFormat, string>> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

/**
 * Decodes a photo in an extension page (the offscreen document) with createImageBitmap: EXIF
 * orientation applied, downscaled by the browser to `workingSize`, transparency flattened on
 * white, RGB 8-bit. Refuses the same files with the same messages as the Node decoder.
 */
export const decodeImageBrowser: ImageDecoder = async (bytes, fileName) => {
  const readable = await readableFormat(bytes, fileName);
  if (!readable.ok) return readable;
  const format = readable.value;
  // Browsers draw a damaged file's missing part grey, or just the rows its header asks for, instead of failing.
  const structure = checkImageStructure(bytes, format);
  if (!structure.ok) return err(corruptImageError(fileName));
  // The size limit is the same either way round, so the stored size can be checked before anything is decoded.
  if (structure.size !== null) {
    const declared = checkInputSize(structure.size, fileName);
    if (!declared.ok) return declared;
  }

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
