import type { FaceIdentity } from './types';
import type { FaceTemplate } from '../roster/types';
import { matchThresholds, type MatchThresholds } from './match-thresholds';

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Best similarity per person (a person may have several templates), highest first. */
function rankPeople(descriptor: Float32Array, templates: readonly FaceTemplate[], modelId: string): { personId: string; similarity: number }[] {
  const best = new Map<string, number>();
  for (const template of templates) {
    // Templates from another model (or another alignment) live in another space: comparing them means nothing.
    if (template.modelId !== modelId || template.descriptor.length !== descriptor.length) continue;
    const similarity = dot(descriptor, template.descriptor);
    best.set(template.personId, Math.max(similarity, best.get(template.personId) ?? -Infinity));
  }
  return [...best].map(([personId, similarity]) => ({ personId, similarity })).sort((x, y) => y.similarity - x.similarity);
}

/**
 * Who a described face is, as far as the enrolled templates tell: a match only when the best person clears
 * `accept` and no other person is within `runnerUpMargin`; nobody below `reject`; otherwise uncertain, so a
 * person looks. With no comparable template the face is unknown (best similarity -1, the lowest possible).
 * Unless given, the thresholds are those for the number of people enrolled (matchThresholds).
 */
export function identifyFace(descriptor: Float32Array, templates: readonly FaceTemplate[], modelId: string, given?: MatchThresholds): FaceIdentity {
  const ranked = rankPeople(descriptor, templates, modelId);
  const [best, runnerUp] = ranked;
  const thresholds = given ?? matchThresholds(ranked.length);
  if (best === undefined || best.similarity < thresholds.reject) return { kind: 'unknown', bestSimilarity: best?.similarity ?? -1 };
  const clear = runnerUp === undefined || best.similarity - runnerUp.similarity >= thresholds.runnerUpMargin;
  if (best.similarity >= thresholds.accept && clear) return { kind: 'match', personId: best.personId, similarity: best.similarity };
  return { kind: 'uncertain', reason: 'low_confidence', candidateId: best.personId, similarity: best.similarity };
}
