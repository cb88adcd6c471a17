import { consentCovers, personById } from '../roster/consent';
import { boxesOfFaces, facesWhere, findingPerPhoto, plural, type LocatedFaceOf } from './support/face-findings';
import type { Rule, RuleFinding } from './rule';
import type { Person } from '../roster/types';
import type { Facts } from '../pipeline/types';

type UncertainFace = LocatedFaceOf<'uncertain'>;

const WHY = { too_small: 'too small to identify', turned: 'turned too far away to identify', low_confidence: 'not clear enough to identify with confidence' } as const;

/** A face that resembles someone on the roster: named when that pupil has consent for this use, held without a name when not. */
function candidateFinding({ imageIndex, imageName, face }: UncertainFace, candidate: Person, facts: Facts): RuleFinding {
  const evidence = [{ imageIndex, box: face.box }];
  if (!consentCovers(candidate, facts.purpose)) {
    return {
      severity: 'block',
      message:
        `${imageName}: a face may be a pupil who has no consent for this use (the likeness is not certain enough to name them). ` + 'Remove or crop the photo, or choose another.',
      evidence,
      personId: candidate.id,
    };
  }
  return {
    message:
      `${imageName}: a face looks like ${candidate.preferredForename} ${candidate.surname} (${candidate.regGroup || candidate.role}), but not certainly. ` +
      'Check it is them, another pupil with consent for this use, or a member of staff, before posting; otherwise crop them out.',
    evidence,
    personId: candidate.id,
  };
}

/**
 * Faces too small, too close to call or turned too far away. A person must look: when the nearest roster match
 * lacks consent for this use the face is held as if it were that pupil, without naming them (a guess must not put a
 * name to a child whose family said no); when it has consent, staff are told whom to check for. Faces like no one
 * in particular are told once per photo and reason, so a crowd reads as one line, not one per face.
 */
export const faceUncertain: Rule = {
  id: 'face-uncertain',
  title: 'Face that could not be identified with confidence',
  defaultSeverity: 'warn',
  check: (facts, { roster }) => {
    const people = personById(roster);
    const faces = facesWhere(facts, 'uncertain');
    const candidateOf = (located: UncertainFace) => (located.face.identity.candidateId === undefined ? undefined : people.get(located.face.identity.candidateId));
    const named = faces.flatMap((located) => {
      const candidate = candidateOf(located);
      return candidate ? [candidateFinding(located, candidate, facts)] : [];
    });
    const unnamed = faces.filter((located) => candidateOf(located) === undefined);
    const grouped = (Object.keys(WHY) as (keyof typeof WHY)[]).flatMap((reason) =>
      findingPerPhoto(
        boxesOfFaces(unnamed.filter((located) => located.face.identity.reason === reason)),
        (imageName, count) =>
          `${imageName}: ${plural(count, 'a face is', 'faces are')} ${WHY[reason]}. ` +
          `Check that ${plural(count, 'this person is a pupil', 'each of them is a pupil')} with consent for this use, or a member of staff, before posting; otherwise crop them out.`,
      ),
    );
    return [...named, ...grouped];
  },
};
