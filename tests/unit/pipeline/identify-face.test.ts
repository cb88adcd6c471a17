import { describe, expect, it } from 'vitest';
import { identifyFace } from '../../../lib/pipeline/identify-face';
import type { MatchThresholds } from '../../../lib/pipeline/match-thresholds';
import type { FaceTemplate } from '../../../lib/roster/types';

const MODEL = 'model-a';
const thresholds: MatchThresholds = { accept: 0.9, reject: 0.8, runnerUpMargin: 0.02 };

/** A unit vector in 3-D whose dot product with (1, 0, 0) is `similarity`. */
const towards = (similarity: number, side = 1): number[] => [similarity, side * Math.sqrt(1 - similarity ** 2), 0];
const probe = Float32Array.from([1, 0, 0]);
const template = (personId: string, similarity: number, modelId = MODEL, side = 1): FaceTemplate => ({ personId, modelId, descriptor: towards(similarity, side) });

describe('identifyFace', () => {
  it('matches the best person when they clear the accept threshold and nobody else is close', () => {
    const identity = identifyFace(probe, [template('amelia', 0.95), template('oliver', 0.85)], MODEL, thresholds);
    expect(identity.kind).toBe('match');
    if (identity.kind !== 'match') return;
    expect(identity.personId).toBe('amelia');
    expect(identity.similarity).toBeCloseTo(0.95);
  });

  it('is uncertain when a second person is within the runner-up margin', () => {
    expect(identifyFace(probe, [template('amelia', 0.95), template('oliver', 0.94)], MODEL, thresholds)).toEqual({
      kind: 'uncertain',
      reason: 'low_confidence',
      candidateId: 'amelia',
      similarity: expect.closeTo(0.95, 6),
    });
  });

  it("compares people, not templates: a person's second template is no rival", () => {
    const identity = identifyFace(probe, [template('amelia', 0.95), template('amelia', 0.945, MODEL, -1)], MODEL, thresholds);
    expect(identity).toMatchObject({ kind: 'match', personId: 'amelia' });
  });

  it('is uncertain between the reject and accept thresholds, naming the candidate', () => {
    expect(identifyFace(probe, [template('amelia', 0.85)], MODEL, thresholds)).toMatchObject({ kind: 'uncertain', reason: 'low_confidence', candidateId: 'amelia' });
  });

  it('is unknown below the reject threshold, reporting the best similarity', () => {
    const identity = identifyFace(probe, [template('amelia', 0.7), template('oliver', 0.6)], MODEL, thresholds);
    expect(identity.kind).toBe('unknown');
    if (identity.kind === 'unknown') expect(identity.bestSimilarity).toBeCloseTo(0.7);
  });

  it('ignores templates made by another descriptor model', () => {
    expect(identifyFace(probe, [template('amelia', 0.99, 'model-b')], MODEL, thresholds)).toEqual({ kind: 'unknown', bestSimilarity: -1 });
  });

  it('is unknown with no templates at all', () => {
    expect(identifyFace(probe, [], MODEL, thresholds)).toEqual({ kind: 'unknown', bestSimilarity: -1 });
  });

  it('uses the thresholds measured on the corpus by default', () => {
    // 0.955 is below the default accept threshold (0.965) and above the reject threshold (0.95).
    expect(identifyFace(probe, [template('amelia', 0.955)], MODEL).kind).toBe('uncertain');
    expect(identifyFace(probe, [template('amelia', 0.99)], MODEL).kind).toBe('match');
  });
});
