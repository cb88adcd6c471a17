import type { CheckError, Result } from '../../errors';

/** A decoded photo, RGB, 8 bits per channel, row-major; possibly downscaled from the original. */
export interface DecodedImage {
  width: number;
  height: number;
  /** width * height * 3 bytes. */
  data: Uint8Array;
  /** Size of the file as attached; boxes reported to staff are in these pixels. */
  originalWidth: number;
  originalHeight: number;
}

/**
 * Decodes a photo from its file bytes. Node uses sharp, the extension uses createImageBitmap;
 * both refuse the same inputs with the same messages (see sniff-format.ts).
 */
export type ImageDecoder = (bytes: Uint8Array, fileName: string) => Promise<Result<DecodedImage, CheckError>>;
