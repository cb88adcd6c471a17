import type { Rule, RuleFinding } from './rule';

/**
 * A sheet's name field with something written in it that could not be read (handwriting,
 * blur) may still show a pupil's name: a person must look. Fields read as a pupil's name are
 * left to the name rules; fields read clearly as something else ("Class 4B") pass.
 */
export const nameUnreadable: Rule = {
  id: 'name-unreadable',
  title: 'Name on a sheet could not be read',
  defaultSeverity: 'warn',
  check: (facts) =>
    facts.images.flatMap((image): RuleFinding[] =>
      image.unreadableNameFields.map((box) => ({
        message: `${image.name}: could not read the name on this sheet — check it is blank, or cover the name before posting.`,
        evidence: [{ imageIndex: image.imageIndex, box }],
      })),
    ),
};
