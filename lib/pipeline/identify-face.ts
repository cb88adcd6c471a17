import type { FaceIdentity } from './types';
import type { FaceTemplate } from '../roster/types';
import { matchThresholds, type MatchThresholds } from './match-thresholds';

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** Best similarity per person (a person may have several templates: the best one counts), highest first, and how many templates were compared. */
function rankPeople(descriptor: Float32Array, templates: readonly FaceTemplate[], modelId: string): { ranked: { personId: string; similarity: number }[]; compared: number } {
  const best = new Map<string, number>();
  let compared = 0;
  for (const template of templates) {
    // Templates from another model (or another alignment) live in another space: comparing them means nothing.
    if (template.modelId !== modelId || template.descriptor.length !== descriptor.length) continue;
    compared += 1;
    const similarity = dot(descriptor, template.descriptor);
    best.set(template.personId, Math.max(similarity, best.get(template.personId) ?? -Infinity));
  }
  return { ranked: [...best].map(([personId, similarity]) => ({ personId, similarity })).sort((x, y) => y.similarity - x.similarity), compared };
}

/**
 * Who a described face is, as far as the enrolled templates tell: a match only when the best person clears
 * `accept` and no other person is within `runnerUpMargin`; nobody below `reject`; otherwise uncertain, so a
 * person looks. With no comparable template the face is unknown (best similarity -1, the lowest possible).
 * Unless given, the thresholds are those for a roster of as many people as templates compared (matchThresholds):
 * a stranger's face meets every reference photo, so two photos each count as twice the people.
 */
export function identifyFace(descriptor: Float32Array, templates: readonly FaceTemplate[], modelId: string, given?: MatchThresholds): FaceIdentity {
  const { ranked, compared } = rankPeople(descriptor, templates, modelId);
  const [best, runnerUp] = ranked;
  const thresholds = given ?? matchThresholds(compared);
  if (best === undefined || best.similarity < thresholds.reject) return { kind: 'unknown', bestSimilarity: best?.similarity ?? -1 };
  const clear = runnerUp === undefined || best.similarity - runnerUp.similarity >= thresholds.runnerUpMargin;
  if (best.similarity >= thresholds.accept && clear) return { kind: 'match', personId: best.personId, similarity: best.similarity };
  return { kind: 'uncertain', reason: 'low_confidence', candidateId: best.personId, similarity: best.similarity };
}
