import CRC32 from 'crc-32';
import sharp from 'sharp';

/** A photo-like picture: smooth gradients with noise, so the encoders produce real entropy-coded data. */
export function photoLike(width: number, height: number, channels: 3 | 4 = 3): sharp.Sharp {
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      const noise = ((x * 2654435761) ^ (y * 40503)) >>> 27;
      pixels[at] = (x * 255) / width + noise;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = 128 + noise * 2;
      if (channels === 4) pixels[at + 3] = 128 + ((x + y) % 128);
    }
  }
  return sharp(pixels, { raw: { width, height, channels } });
}

/** Offset of a JPEG marker segment (0xFF, marker), found by walking the segments before the first scan. */
export function jpegSegment(bytes: Uint8Array, marker: number): number {
  for (let at = 2; at + 4 <= bytes.length; at += 2 + (((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0))) {
    if (bytes[at + 1] === marker || (marker === 0xc0 && (bytes[at + 1] === 0xc1 || bytes[at + 1] === 0xc2))) return at;
    if (bytes[at + 1] === 0xda) break;
  }
  throw new Error(`no segment 0x${marker.toString(16)}`);
}

/** The JPEG with its frame header's height set (the SOF segment's bytes 5-6). */
export function withJpegHeight(bytes: Uint8Array, height: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const sof = jpegSegment(copy, 0xc0);
  copy[sof + 5] = height >> 8;
  copy[sof + 6] = height & 0xff;
  return copy;
}

/** The PNG with IHDR's height set, its CRC recomputed (as an editor would leave it), or left stale. */
export function withPngHeight(bytes: Uint8Array, height: number, { fixCrc = true } = {}): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const view = new DataView(copy.buffer);
  // Signature (8), IHDR length (4), type (4), width (4): the height is at 20, the CRC after the 13 data bytes.
  view.setUint32(20, height);
  if (fixCrc) view.setInt32(29, CRC32.buf(copy.subarray(12, 29)));
  return copy;
}

/** The bytes with [from, to) set to zero: an unfinished download or a bad disk sector. */
export function zeroed(bytes: Uint8Array, from: number, to: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy.fill(0, from, to);
  return copy;
}

export const toBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
