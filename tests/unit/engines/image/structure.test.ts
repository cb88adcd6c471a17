import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from '../../../../lib/engines/image/sniff-format';
import { checkImageStructure } from '../../../../lib/engines/image/structure';
import { photoLike, toBytes, withJpegHeight, withPngHeight, zeroed } from './synthetic';

const check = async (bytes: Uint8Array) => checkImageStructure(bytes, await sniffImageFormat(bytes));

const jpegs = {
  'baseline 4:2:0': () => photoLike(123, 77).jpeg({ quality: 85 }),
  'baseline 4:4:4, no optimised tables': () => photoLike(64, 48).jpeg({ quality: 95, chromaSubsampling: '4:4:4', optimiseCoding: false }),
  progressive: () => photoLike(200, 150).jpeg({ quality: 80, progressive: true }),
  'progressive, greyscale': () => photoLike(90, 31).greyscale().jpeg({ progressive: true }),
  'mozjpeg (trellis, optimised scans)': () => photoLike(160, 120).jpeg({ mozjpeg: true }),
  'with EXIF': () => photoLike(50, 40).jpeg().withMetadata({ orientation: 6 }),
};

const pngs = {
  RGB: () => photoLike(61, 40).png(),
  RGBA: () => photoLike(40, 33, 4).png(),
  palette: () => photoLike(45, 30).png({ palette: true }),
  'greyscale, interlaced (Adam7)': () => photoLike(37, 23).greyscale().png({ progressive: true }),
  '16-bit': () => photoLike(20, 10).toColourspace('rgb16').png(),
};

describe('checkImageStructure: whole files pass, with their stored size', () => {
  it.each(Object.entries(jpegs))('JPEG, %s', async (_, make) => {
    const bytes = toBytes(await make().toBuffer());
    const { width, height } = await make()
      .toBuffer({ resolveWithObject: true })
      .then(({ info }) => info);
    expect(await check(bytes)).toEqual({ ok: true, size: { width, height } });
  });

  it.each(Object.entries(pngs))('PNG, %s', async (_, make) => {
    const { data, info } = await make().toBuffer({ resolveWithObject: true });
    expect(await check(toBytes(data))).toEqual({ ok: true, size: { width: info.width, height: info.height } });
  });
});

describe('checkImageStructure: damaged files fail', () => {
  it.each(Object.entries(jpegs))('JPEG, %s: cut short, zero-filled tail, height edited down or up', async (_, make) => {
    const bytes = toBytes(await make().toBuffer());
    const { height } = await make()
      .toBuffer({ resolveWithObject: true })
      .then(({ info }) => info);
    for (const damaged of [
      bytes.subarray(0, Math.floor(bytes.length * 0.7)),
      zeroed(bytes, Math.floor(bytes.length * 0.7), bytes.length),
      withJpegHeight(bytes, Math.floor(height / 2)),
      withJpegHeight(bytes, height * 2),
    ]) {
      expect((await check(damaged)).ok).toBe(false);
    }
  });

  it('JPEG whose zero-filled tail keeps its End Of Image marker', async () => {
    const bytes = toBytes(await jpegs.progressive().toBuffer());
    expect(await check(zeroed(bytes, Math.floor(bytes.length * 0.7), bytes.length - 2))).toMatchObject({ ok: false });
  });

  it.each(Object.entries(pngs))('PNG, %s: height edited (CRC fixed or not), cut short, CRC broken, data zeroed', async (_, make) => {
    const { data, info } = await make().toBuffer({ resolveWithObject: true });
    const bytes = toBytes(data);
    const damagedFiles = [
      withPngHeight(bytes, Math.floor(info.height / 2)),
      withPngHeight(bytes, info.height + 1),
      withPngHeight(bytes, Math.floor(info.height / 2), { fixCrc: false }),
      bytes.subarray(0, bytes.length - 12), // no IEND
      bytes.subarray(0, Math.floor(bytes.length * 0.6)),
      zeroed(bytes, 40, 44),
    ];
    for (const damaged of damagedFiles) expect((await check(damaged)).ok).toBe(false);
  });

  it('says why, for logs and tests', async () => {
    const png = toBytes(await pngs.RGB().toBuffer());
    expect(await check(withPngHeight(png, 20))).toEqual({ ok: false, reason: 'more image data than the header declares' });
    expect(await check(withPngHeight(png, 20, { fixCrc: false }))).toEqual({ ok: false, reason: 'chunk IHDR has a wrong CRC' });
    const jpeg = toBytes(await jpegs['baseline 4:2:0']().toBuffer());
    expect(await check(jpeg.subarray(0, jpeg.length - 100))).toMatchObject({ ok: false, reason: expect.stringMatching(/cut short/) });
  });
});
