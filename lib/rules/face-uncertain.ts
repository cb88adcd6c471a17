import { consentCovers } from '../roster/consent';
import { findingsForFaces } from './support/face-findings';
import type { Rule } from './rule';

/**
 * Faces too small or too close to call. A person must look: when the nearest roster match
 * lacks consent for this use the face is held as if it were that pupil.
 */
export const faceUncertain: Rule = {
  id: 'face-uncertain',
  title: 'Face that could not be identified with confidence',
  defaultSeverity: 'warn',
  check: (facts, { roster }) =>
    findingsForFaces(facts, roster, 'uncertain', ({ imageIndex, imageName, face }, people) => {
      const candidate = face.identity.candidateId === undefined ? undefined : people.get(face.identity.candidateId);
      const evidence = [{ imageIndex, box: face.box }];
      if (candidate && !consentCovers(candidate, facts.purpose)) {
        return {
          severity: 'block',
          message:
            `${imageName}: a face may be ${candidate.preferredForename} ${candidate.surname}, who has no consent for this use. ` + 'Remove or crop the photo, or choose another.',
          evidence,
          personId: candidate.id,
        };
      }
      const why = face.identity.reason === 'too_small' ? 'too small to identify' : 'not clear enough to identify with confidence';
      return {
        message: `${imageName}: a face is ${why}. Check that this person is a pupil with consent for this use, or a member of staff, ` + 'before posting; otherwise crop them out.',
        evidence,
      };
    }),
};
