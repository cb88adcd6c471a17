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
 * Chosen with tests/bench/faces.ts on the development corpus (descriptor model DESCRIPTOR_MODEL_ID with mirror
 * averaging): 12 identities, reference = 01.jpg, 47 probes; impostors = 517 probe x other-reference pairs plus
 * 252 unknown group faces x every reference.
 * - Impostor similarity: mean 0.912, sd 0.018, highest 0.950. Genuine: lowest 0.954, 10th percentile 0.967.
 * - accept 0.965: three impostor sds above the impostor mean and 0.015 above the highest impostor, because a new
 *   school's faces will reach higher than 769 dev pairs did; 45 of 47 probes (0.957) are accepted.
 * - reject 0.95: just above the highest impostor and below the lowest genuine probe, so on the dev corpus no
 *   pupil is called unknown and no unknown face merely 'uncertain'; faces in between are shown to staff.
 * - runnerUpMargin 0.01: every accepted probe beats the best other person by 0.024 or more.
 * Lowering accept trades safety for convenience: an impostor at or above it passes as a consented pupil.
 */
export const MATCH_THRESHOLDS: Readonly<MatchThresholds> = {
  accept: 0.965,
  reject: 0.95,
  runnerUpMargin: 0.01,
};
