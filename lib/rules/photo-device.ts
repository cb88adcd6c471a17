import type { Rule } from './rule';
import { evidenceIn, perImage } from './support/image-findings';

/**
 * Where the school lists approved cameras (school devices, not personal phones), a photo from
 * any other device, or one whose device cannot be told, asks for a second look.
 */
export const photoDevice: Rule = {
  id: 'photo-device',
  title: 'Photo not taken on an approved device',
  defaultSeverity: 'warn',
  check: (facts, context) => {
    const approved = (context.approvedDevices ?? []).map(simplify).filter((device) => device !== '');
    if (approved.length === 0) return [];
    return perImage(facts, (image) => {
      const device = [image.exif.make, image.exif.model].filter((part): part is string => part !== null).join(' ');
      const evidence = evidenceIn(image);
      if (device === '') {
        return [{ message: `${image.name}: the photo does not say which camera took it, so it may not be from a school device. Check before posting.`, evidence }];
      }
      // Makers write the model with or without their name ("Apple iPhone 13" / "iPhone 13").
      const taken = simplify(device);
      const model = simplify(image.exif.model ?? '');
      if (approved.some((entry) => taken === entry || taken.endsWith(` ${entry}`) || model === entry)) return [];
      return [{ message: `${image.name}: the photo was taken on ${device}, which is not one of the school's approved devices. Use a photo from a school device.`, evidence }];
    });
  },
};

const simplify = (device: string): string =>
  device
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
