import type { Point } from '../geometry';
import type { FaceIdentity } from './types';

/**
 * Turned this far or more (see yawOf), a face is not matched, however alike it looks: it is left 'uncertain' for
 * staff. On ../shared/faces-scale the descriptor recognised 0.18 of faces turned this far against 0.41-0.54 of
 * frontal ones, strangers turned this far were accepted 1.2 times as often as frontal ones at the same thresholds,
 * and references turned this far drew 1.7 times their share of false accepts; school photos hold more profiles than
 * that set of press photos.
 */
export const MAX_MATCH_YAW = 0.45;

/**
 * How far a face is turned left or right, from the detector's keypoints (right eye, left eye, nose tip, ...): the
 * nose tip's offset from the eyes' midpoint along the line through the eyes, in distances between the eyes. About 0
 * for a frontal face and 0.45 at roughly 35-40 degrees; null without both eyes and the nose.
 */
export function yawOf(landmarks: readonly Point[]): number | null {
  const [rightEye, leftEye, nose] = landmarks;
  if (!rightEye || !leftEye || !nose) return null;
  const across = { x: leftEye.x - rightEye.x, y: leftEye.y - rightEye.y };
  const between = Math.hypot(across.x, across.y);
  if (between === 0) return null;
  const middle = { x: (rightEye.x + leftEye.x) / 2, y: (rightEye.y + leftEye.y) / 2 };
  return ((nose.x - middle.x) * across.x + (nose.y - middle.y) * across.y) / between ** 2;
}

/** A match stands only for a face turned less than MAX_MATCH_YAW; a more turned one is left uncertain, with the same candidate. */
export function trustMatch(identity: FaceIdentity, landmarks: readonly Point[]): FaceIdentity {
  if (identity.kind !== 'match') return identity;
  const yaw = yawOf(landmarks);
  if (yaw !== null && Math.abs(yaw) < MAX_MATCH_YAW) return identity;
  return { kind: 'uncertain', reason: 'turned', candidateId: identity.personId, similarity: identity.similarity };
}
