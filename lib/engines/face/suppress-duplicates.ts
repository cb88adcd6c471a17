import type { Box } from '../../geometry';
import { containment, intersectionOverUnion } from '../../geometry';

/**
 * Greedy non-maximum suppression: keeps the best-scored detection of each face. A box counts as a duplicate when it
 * overlaps a kept box by `iou` or more, or lies mostly (`contained`) inside it, as when BlazeFace also fires on
 * the lower half of a large face or on a face cut by a tile edge.
 */
export function suppressDuplicates<T extends { box: Box; score: number }>(detections: readonly T[], iou: number, contained: number): T[] {
  const kept: T[] = [];
  for (const candidate of [...detections].sort((x, y) => y.score - x.score)) {
    const duplicate = kept.some((k) => intersectionOverUnion(k.box, candidate.box) >= iou || containment(k.box, candidate.box) >= contained);
    if (!duplicate) kept.push(candidate);
  }
  return kept;
}
