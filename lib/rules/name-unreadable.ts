import type { Rule } from './rule';
import { evidenceIn, imageRule } from './support/image-findings';

/**
 * A sheet's name field with something written in it that could not be read (handwriting,
 * blur) may still show a pupil's name: a person must look. Fields read as a pupil's name are
 * left to the name rules; fields read clearly as something else ("Class 4B") pass.
 */
export const nameUnreadable: Rule = imageRule({ id: 'name-unreadable', title: 'Name on a sheet could not be read', defaultSeverity: 'warn' }, (image) =>
  image.unreadableNameFields.map((box) => ({
    message: `${image.name}: could not read the name on this sheet — check it is blank, or cover the name before posting.`,
    evidence: evidenceIn(image, [box]),
  })),
);
