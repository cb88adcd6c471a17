import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readPhotoMetadata } from '../../../lib/engines/image/exif';
import { photoLocation } from '../../../lib/rules/photo-location';
import { someFacts, anImage, aRoster } from '../../support/builders';
import { noText } from '../text/ocr-result';

const photo = sharp({ create: { width: 32, height: 24, channels: 3, background: '#888' } });

async function metadataOf(bytes: Buffer) {
  const read = await readPhotoMetadata(new Uint8Array(bytes), 'photo.jpg');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('photo-location', () => {
  it('warns when the photo records a GPS location (read from real EXIF)', async () => {
    const gps = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2640/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3960/100' };
    const exif = await metadataOf(await photo.clone().jpeg().withExif({ IFD3: gps }).toBuffer());
    expect(exif.location!.latitude).toBeCloseTo(51.5073, 3);
    expect(exif.location!.longitude).toBeCloseTo(-0.1277, 3);
    const findings = photoLocation.check(someFacts([anImage([], { exif })], { text: noText }), { roster: aRoster() });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^photo\.jpg: the photo records where it was taken/);
    expect(findings[0]!.evidence).toEqual([{ imageIndex: 0 }]);
  });

  it('passes photos without a location, including WebP and stripped JPEG', async () => {
    for (const bytes of [
      await photo.clone().jpeg().toBuffer(),
      await photo
        .clone()
        .webp()
        .withExif({ IFD0: { Make: 'Canon' } })
        .toBuffer(),
    ]) {
      const exif = await metadataOf(bytes);
      expect(exif.location).toBeNull();
      expect(photoLocation.check(someFacts([anImage([], { exif })], { text: noText }), { roster: aRoster() })).toEqual([]);
    }
  });

  it('cannot read metadata from a file that is not a photo', async () => {
    const read = await readPhotoMetadata(new TextEncoder().encode('not a photo at all'), 'notes.txt');
    expect(read.ok).toBe(false);
  });
});
