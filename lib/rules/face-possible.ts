import type { Rule } from './rule';
import { findingPerPhoto, plural } from './support/face-findings';

/**
 * Something the detector took for a face that the face model could not confirm: often a face turned
 * away, cut by the edge of the photo or half hidden, which is still a child who may lack consent.
 * Never identified, so never passed silently: a person looks.
 */
export const facePossible: Rule = {
  id: 'face-possible',
  title: 'Possible face that could not be checked',
  defaultSeverity: 'warn',
  check: (facts) =>
    findingPerPhoto(
      facts.images.flatMap((image) => image.possibleFaces.map((box) => ({ imageIndex: image.imageIndex, imageName: image.name, box }))),
      (imageName, count) =>
        `${imageName}: ${plural(count, 'something that may be a face', 'things that may be faces')} could not be checked ` +
        '(turned away, cut off by the edge or partly hidden). Look at the marked place: if it is a person, they must be a pupil with consent for this use or a member of staff; otherwise crop them out.',
    ),
};
