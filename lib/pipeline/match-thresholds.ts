/** Similarity bounds for identifying a face against the roster's templates (dot products of unit descriptors). */
export interface MatchThresholds {
  /** At or above: the face is this person (if no other person comes close). */
  accept: number;
  /** Below: nobody on the roster. Between reject and accept: a person must look ('uncertain'). */
  reject: number;
  /** A match must beat the best template of any other person by at least this much, or it is 'uncertain'. */
  runnerUpMargin: number;
}

/**
 * The share of strangers' faces (parents, visitors, pupils who are not enrolled) that may be accepted as someone on
 * the roster: one in a thousand, whatever the roster's size. Every other stranger is 'unknown' or 'uncertain', and
 * both are shown to staff.
 */
export const STRANGER_ACCEPT_BOUND = 1e-3;

/**
 * Thresholds by roster size, counted in reference photos compared (one per person on the development set), for the
 * shipped descriptor (DESCRIPTOR_MODEL_ID, mirror averaged); each row holds for up to `references` of them. A
 * stranger is compared with everyone enrolled, so the more people, the likelier someone looks alike. In a large roster a stranger's best two matches are also close to each
 * other, so there the runner-up margin does more of the work than accept does.
 *
 * Chosen on ../shared/faces-scale (1,450 adults; every person left out of a random gallery probes it as a stranger,
 * 20,000-57,000 stranger faces per size): near the accept and margin that recognise the most enrolled people while
 * accepting at most half of STRANGER_ACCEPT_BOUND of strangers (half, because a new school's faces will reach higher
 * than a development set's), on the strict side of it. `npm run bench faces-scale` checks the bound every run. On
 * that set 0.67 / 0.49 / 0.48 / 0.43 of enrolled people's other photos are accepted at 12 / 100 / 500 / 1,200
 * people (with the turned-face rule, face-pose.ts); the rest are 'uncertain', for staff to confirm. Children are harder to tell apart than these adults
 * (README, "Faces at school scale"). reject 0.95 sits above every impostor pair of the development corpus and below
 * its lowest genuine pair.
 */
const BY_ROSTER_SIZE: readonly (MatchThresholds & { references: number })[] = [
  { references: 12, accept: 0.974, reject: 0.95, runnerUpMargin: 0.01 },
  { references: 100, accept: 0.978, reject: 0.95, runnerUpMargin: 0.02 },
  { references: 500, accept: 0.975, reject: 0.95, runnerUpMargin: 0.0175 },
  { references: 1500, accept: 0.97, reject: 0.95, runnerUpMargin: 0.0175 },
  // Beyond anything measured: stricter again rather than assumed safe.
  { references: Infinity, accept: 0.975, reject: 0.95, runnerUpMargin: 0.02 },
];

/** The thresholds for a roster of `references` reference photos (people, when each has one). */
export function matchThresholds(references: number): MatchThresholds {
  const { accept, reject, runnerUpMargin } = BY_ROSTER_SIZE.find((row) => references <= row.references)!;
  return { accept, reject, runnerUpMargin };
}
