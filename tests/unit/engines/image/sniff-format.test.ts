import { describe, expect, it } from 'vitest';
import { READABLE_FORMATS, sniffImageFormat } from '../../../../lib/engines/image/sniff-format';

const bytes = (...parts: (number[] | string)[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

/** An ISO base media "ftyp" box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'meta');
};

describe('sniffImageFormat', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])],
    ['webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['gif', bytes('GIF87a', [1, 0, 1, 0])],
    ['heic', ftyp('heic', 'mif1', 'heic')],
    ['heic', ftyp('mif1', 'mif1', 'heix')],
    ['avif', ftyp('avif', 'mif1', 'avif')],
    // A generic HEIF container is refused as HEIC, whatever its compatible brands say.
    ['heic', ftyp('mif1', 'mif1', 'avif')],
    ['bmp', bytes('BM', [0, 0, 0, 0])],
    ['tiff', bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 1, 0, 0x00, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])],
    ['video', ftyp('isom', 'isom', 'mp42')],
    ['pdf', bytes('%PDF-1.7\n')],
    ['unknown', bytes('Hello, this is a text file')],
    ['unknown', bytes([0xff, 0xd8])],
    ['unknown', new Uint8Array(0)],
  ])('recognises %s', async (format, input) => {
    expect(await sniffImageFormat(input)).toBe(format);
  });

  it('does not take a RIFF file other than WebP (e.g. WAV audio) for an image', async () => {
    expect(await sniffImageFormat(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBe('unknown');
  });

  it('reads only formats both decoders handle', () => {
    expect([...READABLE_FORMATS].sort()).toEqual(['gif', 'jpeg', 'png', 'webp']);
  });
});
