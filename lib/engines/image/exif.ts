import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../../errors';

/** What a photo's metadata says about where and with what it was taken. */
export interface PhotoMetadata {
  /** Where the photo was taken, when the camera recorded it. */
  location: { latitude: number; longitude: number } | null;
  /** Camera maker and model as recorded ("Apple", "iPhone 13"), or null when absent. */
  make: string | null;
  model: string | null;
}

/**
 * Reads location and camera from a photo's EXIF with exifr. A photo without metadata (most
 * edited or messaged photos) has nulls; only a file whose metadata cannot be read is an error.
 */
export async function readPhotoMetadata(bytes: Uint8Array, fileName: string): Promise<Result<PhotoMetadata, CheckError>> {
  // exifr does not read WebP, so its EXIF chunk (plain TIFF data) is handed over on its own.
  const source = isWebp(bytes) ? webpExif(bytes) : bytes;
  if (source === null) return ok({ location: null, make: null, model: null });
  let tags: Record<string, unknown> | undefined;
  try {
    // Loaded on first use: a text-only check never reads a photo.
    const { default: exifr } = await import('exifr');
    tags = (await exifr.parse(source, { tiff: true, gps: true, ifd0: { pick: ['Make', 'Model'] }, exif: false, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false })) as
      Record<string, unknown> | undefined;
  } catch (thrown) {
    return err(
      checkError('file_unreadable', `${fileName}: its photo details (EXIF) could not be read (${describeThrown(thrown)}). Save the photo again and re-attach it.`, fileName),
    );
  }
  const latitude = tags?.latitude;
  const longitude = tags?.longitude;
  return ok({
    location: typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : null,
    make: text(tags?.Make),
    model: text(tags?.Model),
  });
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

const isWebp = (bytes: Uint8Array): boolean => bytes.length >= 12 && ascii(bytes, 0) === 'RIFF' && ascii(bytes, 8) === 'WEBP';

/** The EXIF chunk of a WebP (RIFF) file, without any "Exif\0\0" prefix, or null when there is none. */
function webpExif(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    if (ascii(bytes, at) === 'EXIF') {
      const chunk = bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + size));
      return ascii(chunk, 0) === 'Exif' ? chunk.subarray(6) : chunk;
    }
    // Chunks are padded to an even length.
    at += 8 + size + (size % 2);
  }
  return null;
}
