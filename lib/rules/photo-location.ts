import type { Rule } from './rule';
import { evidenceIn, imageRule } from './support/image-findings';

/** A photo that records where it was taken can reveal a pupil's home or a trip's whereabouts. */
export const photoLocation: Rule = imageRule({ id: 'photo-location', title: 'Photo records its location', defaultSeverity: 'warn' }, (image) =>
  image.exif.location
    ? [
        {
          message:
            `${image.name}: the photo records where it was taken (GPS location in its details), which could reveal a pupil's home. ` +
            'Post a copy without location data (turn off location in the camera, or export the photo again).',
          evidence: evidenceIn(image),
        },
      ]
    : [],
);
