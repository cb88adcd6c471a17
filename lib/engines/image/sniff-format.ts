import { fileTypeFromBuffer } from 'file-type';
import { err, ok, type CheckError, type Result } from '../../errors';
import { emptyImageError, heicImageError, unsupportedImageError } from './image-errors';

/** What a file's bytes say it is; shared by the Node and browser decoders so both refuse the same files. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heic' | 'avif' | 'bmp' | 'tiff' | 'pdf' | 'video' | 'unknown';

/** Formats both decoders read (sharp in Node, createImageBitmap in the extension). */
export const READABLE_FORMATS: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'webp', 'gif']);

/** file-type's extensions for the formats Checkpost names; an animated PNG is read as its first frame. */
const BY_EXTENSION: Readonly<Record<string, ImageFormat>> = {
  jpg: 'jpeg',
  png: 'png',
  apng: 'png',
  webp: 'webp',
  gif: 'gif',
  heic: 'heic',
  avif: 'avif',
  bmp: 'bmp',
  tif: 'tiff',
  pdf: 'pdf',
};

/** The file's format from its signature (file-type), never from its name: a renamed HEIC is still HEIC. */
export async function sniffImageFormat(bytes: Uint8Array): Promise<ImageFormat> {
  const type = await fileTypeFromBuffer(bytes);
  if (type === undefined) return 'unknown';
  return BY_EXTENSION[type.ext] ?? (type.mime.startsWith('video/') ? 'video' : 'unknown');
}

/** The format of a file both decoders read, or the message staff see for an empty, HEIC or otherwise unreadable one. */
export async function readableFormat(bytes: Uint8Array, fileName: string): Promise<Result<ImageFormat, CheckError>> {
  if (bytes.byteLength === 0) return err(emptyImageError(fileName));
  const format = await sniffImageFormat(bytes);
  if (format === 'heic') return err(heicImageError(fileName));
  if (!READABLE_FORMATS.has(format)) return err(unsupportedImageError(fileName, format));
  return ok(format);
}
