import { consentCovers } from '../roster/consent';
import { faceRule, PURPOSE_WORDS } from './support/face-findings';
import type { Rule } from './rule';

/** A recognised person whose recorded consent does not cover the purpose of this post. */
export const faceNoConsent: Rule = faceRule(
  { id: 'face-no-consent', title: 'Person shown without consent for this use', defaultSeverity: 'block' },
  'match',
  ({ imageIndex, imageName, face }, people, facts) => {
    const person = people.get(face.identity.personId);
    // A template whose person left the roster is nobody we hold consent for: the unknown-face rule's job.
    if (!person || consentCovers(person, facts.purpose)) return null;
    return {
      message:
        `${imageName}: ${person.preferredForename} ${person.surname} (${person.regGroup || person.role}) is in this photo, ` +
        `but has no consent for photos ${PURPOSE_WORDS[facts.purpose]}. Remove or crop the photo, or choose another.`,
      evidence: [{ imageIndex, box: face.box }],
      personId: person.id,
    };
  },
);
