import { boxesOfFaces, facesWhere, findingPerPhoto, plural } from './support/face-findings';
import type { Rule } from './rule';

/**
 * Allowlist: a face passes only when it is recognised as someone on the roster. Pupils
 * without biometric consent are never enrolled, so their faces land here too.
 */
export const faceUnknown: Rule = {
  id: 'face-unknown',
  title: 'Face not on the consent roster',
  defaultSeverity: 'block',
  check: (facts) =>
    findingPerPhoto(
      boxesOfFaces(facesWhere(facts, 'unknown')),
      (imageName, count) =>
        `${imageName}: ${plural(count, 'a face', 'faces')} not recognised as anyone on the photo-consent roster. ` +
        'Everyone shown must be a pupil or staff member whose consent covers this use (pupils without biometric consent ' +
        'cannot be recognised, so they always appear here). Remove or crop the photo, or choose another.',
    ),
};
