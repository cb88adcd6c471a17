import { describe, expect, it } from 'vitest';
import type { PhotoMetadata } from '../../../lib/engines/image/exif';
import { photoDevice } from '../../../lib/rules/photo-device';
import { someFacts, anImage, aRoster } from '../../support/builders';
import { noText } from '../text/ocr-result';

const taken = (make: string | null, model: string | null): PhotoMetadata => ({ location: null, make, model });
const check = (exif: PhotoMetadata, approvedDevices?: string[]) =>
  photoDevice.check(someFacts([anImage([], { exif })], { text: noText }), { roster: aRoster(), ...(approvedDevices ? { approvedDevices } : {}) });

describe('photo-device', () => {
  it('does nothing when the school lists no devices', () => {
    expect(check(taken('Apple', 'iPhone 13'))).toEqual([]);
  });

  it('passes approved devices, written with or without the maker', () => {
    expect(check(taken('Apple', 'iPhone 13'), ['Apple iPhone 13'])).toEqual([]);
    expect(check(taken('Apple', 'iPhone 13'), ['iphone 13'])).toEqual([]);
    expect(check(taken('Canon', 'Canon EOS 250D'), ['Canon EOS 250D'])).toEqual([]);
  });

  it('warns for another device, naming it, and for a photo that does not say', () => {
    expect(check(taken('Apple', 'iPhone 13 Pro'), ['Apple iPhone 13'])[0]!.message).toMatch(/taken on Apple iPhone 13 Pro, which is not one of the school's approved devices/);
    expect(check(taken(null, null), ['Apple iPhone 13'])[0]!.message).toMatch(/does not say which camera took it/);
  });
});
