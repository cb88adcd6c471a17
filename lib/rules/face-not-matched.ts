import { boxesOfFaces, facesWhere, findingPerPhoto, plural, PURPOSE_WORDS } from './support/face-findings';
import type { Rule } from './rule';

/**
 * Non-biometric mode: until the school records its DPIA and notice to parents, no face is matched, so every face
 * is boxed for the member of staff to check by hand against the consent list. A warning, not a pass.
 */
export const faceNotMatched: Rule = {
  id: 'face-not-matched',
  title: 'Faces to check by hand (face matching is off)',
  defaultSeverity: 'warn',
  check: (facts) =>
    findingPerPhoto(
      boxesOfFaces(facesWhere(facts, 'not_matched')),
      (imageName, count) =>
        `${imageName}: ${plural(count, 'a face', 'faces')} to check. Face matching is off at this school, so Checkpost cannot tell who is shown: ` +
        `check that every child in the photo has consent for photos ${PURPOSE_WORDS[facts.purpose]} before posting.`,
    ),
};
