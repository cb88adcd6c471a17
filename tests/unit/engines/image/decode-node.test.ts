import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../../../lib/engines/image/decode-node';
import type { DecodedImage } from '../../../../lib/engines/image/types';
import { photoLike, toBytes, withJpegHeight, withPngHeight, zeroed } from './synthetic';

const solid = (width: number, height: number, background: sharp.Color) => sharp({ create: { width, height, channels: 4, background } });

/** A photo-like JPEG: noise, so the file has real entropy-coded data to damage. */
async function noisyJpeg(width = 400, height = 300): Promise<Buffer> {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function decodeOk(bytes: Uint8Array, name = 'photo'): Promise<DecodedImage> {
  const result = await decodeImageNode(bytes, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const pixel = (image: DecodedImage, x: number, y: number): number[] => [...image.data.subarray((y * image.width + x) * 3, (y * image.width + x) * 3 + 3)];

async function expectRefused(bytes: Uint8Array, name: string, code: string, advice: RegExp): Promise<void> {
  const result = await decodeImageNode(bytes, name);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.file).toBe(name);
  expect(result.error.message).toContain(name);
  expect(result.error.message).toMatch(advice);
}

const pngChunk = (type: string, data: Buffer): Buffer => {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
};

/** A small PNG file whose header claims the given size (a decompression bomb's shape). */
function pngClaiming(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(1000))), pngChunk('IEND', Buffer.alloc(0))]);
}

describe('decodeImageNode: readable photos', () => {
  it('decodes a JPEG to RGB at its own size', async () => {
    const image = await decodeOk(await solid(64, 48, '#ff0000').jpeg().toBuffer());
    expect([image.width, image.height, image.originalWidth, image.originalHeight]).toEqual([64, 48, 64, 48]);
    expect(image.data.length).toBe(64 * 48 * 3);
    const [r = 0, g = 0, b = 0] = pixel(image, 10, 10);
    expect(r).toBeGreaterThan(240);
    expect(g + b).toBeLessThan(20);
  });

  it('turns a greyscale JPEG into three equal channels', async () => {
    const image = await decodeOk(await solid(20, 20, '#808080').greyscale().jpeg().toBuffer());
    const [r, g, b] = pixel(image, 5, 5);
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it('flattens PNG transparency onto white', async () => {
    const image = await decodeOk(await solid(20, 10, { r: 0, g: 0, b: 0, alpha: 0 }).png().toBuffer());
    expect(pixel(image, 3, 3)).toEqual([255, 255, 255]);
    const half = await decodeOk(await solid(20, 10, { r: 0, g: 0, b: 0, alpha: 0.5 }).png().toBuffer());
    expect(pixel(half, 3, 3)[0]).toBeGreaterThan(110);
    expect(pixel(half, 3, 3)[0]).toBeLessThan(145);
  });

  it('reads WebP', async () => {
    const image = await decodeOk(await solid(30, 20, '#0000ff').webp({ lossless: true }).toBuffer());
    expect(pixel(image, 5, 5)).toEqual([0, 0, 255]);
  });

  it('reads the first frame of an animated GIF', async () => {
    const frames = await Promise.all(['#00ff00', '#0000ff'].map((colour) => solid(30, 20, colour).png().toBuffer()));
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    const image = await decodeOk(gif);
    expect([image.width, image.height]).toEqual([30, 20]);
    expect(pixel(image, 5, 5)).toEqual([0, 255, 0]);
  });

  it('applies the EXIF orientation (6: the camera was turned a quarter clockwise)', async () => {
    // Stored 40x20, red on the left, blue on the right; shown 20x40 with red on top.
    const stored = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#0000ff' } })
      .composite([{ input: await solid(20, 20, '#ff0000').png().toBuffer(), left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const image = await decodeOk(stored);
    expect([image.width, image.height, image.originalWidth, image.originalHeight]).toEqual([20, 40, 20, 40]);
    expect(pixel(image, 10, 5)[0]).toBeGreaterThan(200);
    expect(pixel(image, 10, 35)[2]).toBeGreaterThan(200);
  });

  it('shrinks an 8000 x 6000 photo while decoding, without a full-size copy in memory', async () => {
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#886644' } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const before = process.memoryUsage().rss;
    const image = await decodeOk(huge, 'big.jpg');
    const grownMb = (process.memoryUsage().rss - before) / 2 ** 20;
    expect([image.width, image.height, image.originalWidth, image.originalHeight]).toEqual([2048, 1536, 8000, 6000]);
    // A full decode alone would be 144 MB of pixels.
    expect(grownMb).toBeLessThan(100);
  });
});

describe('decodeImageNode: refused files say which file and what to do', () => {
  it('zero-byte file', async () => {
    await expectRefused(new Uint8Array(0), 'empty.jpg', 'image_empty', /export the photo again/);
  });

  it('truncated JPEG', async () => {
    const jpeg = await noisyJpeg();
    await expectRefused(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'cut.jpg', 'image_corrupt', /save or export it again as JPEG/);
  });

  it('JPEG with damaged data in the middle', async () => {
    const jpeg = Buffer.from(await noisyJpeg());
    for (let i = 2000; i < 4000; i++) jpeg[i] = (i * 7) & 0xff;
    await expectRefused(jpeg, 'damaged.jpg', 'image_corrupt', /damaged or incomplete/);
  });

  it('JPEG whose last 30 % is zeros (libvips decodes it without a warning)', async () => {
    const jpeg = await noisyJpeg();
    await expectRefused(zeroed(jpeg, Math.floor(jpeg.length * 0.7), jpeg.length), 'unfinished.jpg', 'image_corrupt', /damaged or incomplete/);
  });

  it('JPEG and PNG whose header height was halved (libvips would decode the top half only)', async () => {
    await expectRefused(withJpegHeight(await noisyJpeg(), 150), 'halved.jpg', 'image_corrupt', /damaged or incomplete/);
    const png = toBytes(await photoLike(80, 60).png().toBuffer());
    await expectRefused(withPngHeight(png, 30), 'halved.png', 'image_corrupt', /damaged or incomplete/);
  });

  it('JPEG header with nothing after it', async () => {
    await expectRefused((await noisyJpeg()).subarray(0, 300), 'header.jpg', 'image_corrupt', /damaged or incomplete/);
  });

  it('HEIC from an iPhone (recognised by its ftyp box)', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(64)]);
    await expectRefused(heic, 'IMG_0001.HEIC', 'image_heic', /Export it as JPEG[\s\S]*Most Compatible/);
  });

  it('a file that is not an image', async () => {
    await expectRefused(new TextEncoder().encode('Year 6 trip letter\nDear parents,'), 'letter.jpg', 'image_unsupported', /JPEG or PNG/);
  });

  it('a PDF', async () => {
    await expectRefused(new TextEncoder().encode('%PDF-1.7\n1 0 obj'), 'newsletter.pdf', 'image_unsupported', /PDF document/);
  });

  it('absurd dimensions, refused before any pixel is decoded', async () => {
    await expectRefused(pngClaiming(50_000, 50_000), 'bomb.png', 'image_too_large', /50000 x 50000[\s\S]*Resize it/);
  });
});
