import { consentCovers } from '../roster/consent';
import { faceRule } from './support/face-findings';
import type { Rule } from './rule';

/**
 * Faces too small, too close to call or turned too far away. A person must look: when the nearest roster match
 * lacks consent for this use the face is held as if it were that pupil, without naming them (a
 * guess must not put a name to a child whose family said no); when it has consent, staff are told
 * whom to check for.
 */
export const faceUncertain: Rule = faceRule(
  { id: 'face-uncertain', title: 'Face that could not be identified with confidence', defaultSeverity: 'warn' },
  'uncertain',
  ({ imageIndex, imageName, face }, people, facts) => {
    const candidate = face.identity.candidateId === undefined ? undefined : people.get(face.identity.candidateId);
    const evidence = [{ imageIndex, box: face.box }];
    if (candidate && !consentCovers(candidate, facts.purpose)) {
      return {
        severity: 'block',
        message:
          `${imageName}: a face may be a pupil who has no consent for this use (the likeness is not certain enough to name them). ` +
          'Remove or crop the photo, or choose another.',
        evidence,
        personId: candidate.id,
      };
    }
    if (candidate) {
      return {
        message:
          `${imageName}: a face looks like ${candidate.preferredForename} ${candidate.surname} (${candidate.regGroup || candidate.role}), but not certainly. ` +
          'Check it is them, another pupil with consent for this use, or a member of staff, before posting; otherwise crop them out.',
        evidence,
        personId: candidate.id,
      };
    }
    const why = { too_small: 'too small to identify', turned: 'turned too far away to identify', low_confidence: 'not clear enough to identify with confidence' }[
      face.identity.reason
    ];
    return {
      message: `${imageName}: a face is ${why}. Check that this person is a pupil with consent for this use, or a member of staff, ` + 'before posting; otherwise crop them out.',
      evidence,
    };
  },
);
