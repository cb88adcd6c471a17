import type { Rule } from './rule';
import { evidenceIn, imageRule } from './support/image-findings';

/**
 * No pupil's name may be legible in a photo (a certificate, a name on work): full names never,
 * a lone first name only with that pupil's name consent. Boxes show where the name was read.
 */
export const nameInImage: Rule = imageRule({ id: 'name-in-image', title: "Pupil's name visible in a photo", defaultSeverity: 'block' }, (image) =>
  image.names.map((issue) => ({
    message: `${image.name}: the photo shows "${issue.texts.join('", "')}", ${issue.reason}. ` + 'Cover or crop out the name (or use a blank certificate) before posting.',
    evidence: evidenceIn(image, issue.boxes),
    ...(issue.people.length === 1 ? { personId: issue.people[0]!.id } : {}),
  })),
);
