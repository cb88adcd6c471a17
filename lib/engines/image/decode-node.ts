import sharp from 'sharp';
import { err, ok } from '../../errors';
import { corruptImageError } from './image-errors';
import { readableFormat } from './sniff-format';
import { checkImageStructure } from './structure';
import type { ImageDecoder } from './types';
import { checkInputSize, MAX_INPUT_PIXELS, workingSize } from './working-size';

// EXIF orientations 5-8 turn the picture a quarter turn, so the displayed width is the stored height.
const swapsSides = (orientation: number | undefined): boolean => orientation !== undefined && orientation >= 5;

/**
 * Decodes a photo with sharp (libvips): EXIF orientation applied, transparency flattened on white, first frame of
 * an animation, downscaled while decoding (JPEG shrink-on-load) to `workingSize`, RGB 8-bit.
 * `failOn: 'warning'` refuses a JPEG with corrupt data, not just a truncated one: a damaged area could hide a face.
 * libvips stops reading once it has the rows the header declares, so a cut-off, zero-filled or height-edited file
 * can decode without a warning: the structure check shared with the browser decoder refuses those.
 */
export const decodeImageNode: ImageDecoder = async (bytes, fileName) => {
  const readable = await readableFormat(bytes, fileName);
  if (!readable.ok) return readable;
  const format = readable.value;

  const options = { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS } as const;
  let stored: sharp.Metadata;
  try {
    // Reading the header decodes no pixels: no size limit here, so absurd sizes get their own message below.
    stored = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
  } catch {
    return err(corruptImageError(fileName));
  }
  if (!stored.width || !stored.height) return err(corruptImageError(fileName));
  const shown = swapsSides(stored.orientation) ? { width: stored.height, height: stored.width } : { width: stored.width, height: stored.height };
  const checked = checkInputSize(shown, fileName);
  if (!checked.ok) return checked;
  if (!checkImageStructure(bytes, format).ok) return err(corruptImageError(fileName));

  const target = workingSize(shown);
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize(target.width, target.height, { fit: 'fill' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return err(corruptImageError(fileName));
    return ok({
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      originalWidth: shown.width,
      originalHeight: shown.height,
    });
  } catch {
    return err(corruptImageError(fileName));
  }
};
