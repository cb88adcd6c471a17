import { checkJpegStructure, type StructureCheck } from './jpeg-structure';
import { checkPngStructure } from './png-structure';
import type { ImageFormat } from './sniff-format';
import { MAX_INPUT_PIXELS } from './working-size';

export type { StructureCheck } from './jpeg-structure';

/**
 * Whether a photo's file is whole, decided from its bytes alone, the same in Node and the browser. `size` is the
 * stored size the header declares, when the check reads it, so a browser can refuse absurd sizes before decoding.
 */
export function checkImageStructure(bytes: Uint8Array, format: ImageFormat): StructureCheck {
  switch (format) {
    case 'jpeg':
      return checkJpegStructure(bytes);
    case 'png':
      return checkPngStructure(bytes, MAX_INPUT_PIXELS);
    case 'gif':
      return bytes.subarray(-8).includes(0x3b) ? { ok: true, size: null } : { ok: false, reason: 'no GIF trailer: the file is cut short' };
    case 'webp': {
      // RIFF's size field counts the bytes after the first 8.
      const declared = ((bytes[4] ?? 0) | ((bytes[5] ?? 0) << 8) | ((bytes[6] ?? 0) << 16) | ((bytes[7] ?? 0) << 24)) >>> 0;
      return bytes.length >= 8 + declared ? { ok: true, size: null } : { ok: false, reason: 'shorter than its RIFF header says: the file is cut short' };
    }
    default:
      return { ok: true, size: null };
  }
}
