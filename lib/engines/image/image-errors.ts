import { checkError, type CheckError } from '../../errors';
import type { ImageFormat } from './sniff-format';

/**
 * The messages staff see when a photo cannot be checked, shared by the Node and browser decoders.
 * Each names the file and says what to do; the post is held until the photo is replaced.
 */

const RE_ATTACH = 'then attach the new copy to the post.';

export const emptyImageError = (file: string): CheckError =>
  checkError('image_empty', `"${file}" is an empty file (0 bytes), so it cannot be checked. Save or export the photo again from where it is stored, ${RE_ATTACH}`, file);

export const heicImageError = (file: string): CheckError =>
  checkError(
    'image_heic',
    `"${file}" is an HEIC/HEIF photo (the iPhone's own format), which Checkpost cannot read. Export it as JPEG (on a Mac: Photos > File > Export, choose JPEG; on the iPhone: share it to Files with Options > Most Compatible), ${RE_ATTACH} To avoid this in future, set the iPhone to Settings > Camera > Formats > Most Compatible.`,
    file,
  );

const FORMAT_NAMES: Partial<Record<ImageFormat, string>> = {
  avif: 'an AVIF image',
  bmp: 'a BMP bitmap',
  tiff: 'a TIFF image',
  pdf: 'a PDF document, not a photo',
  video: 'a video, which Checkpost cannot check yet',
};

export const unsupportedImageError = (file: string, format: ImageFormat): CheckError =>
  checkError('image_unsupported', `"${file}" is ${FORMAT_NAMES[format] ?? 'not a photo Checkpost can read'}. Save or export it as a JPEG or PNG photo, ${RE_ATTACH}`, file);

export const corruptImageError = (file: string): CheckError =>
  checkError(
    'image_corrupt',
    `"${file}" is damaged or incomplete (it may not have finished downloading or copying), so it cannot be checked. Open it to make sure the whole picture shows, save or export it again as JPEG, ${RE_ATTACH}`,
    file,
  );

export const tooLargeImageError = (file: string, width: number, height: number): CheckError =>
  checkError(
    'image_too_large',
    `"${file}" says it is ${width} x ${height} pixels, far larger than a camera photo, so Checkpost will not open it. Resize it to at most 4000 pixels on its longest side (any photo editor's "Resize" or "Export" does this), ${RE_ATTACH}`,
    file,
  );
