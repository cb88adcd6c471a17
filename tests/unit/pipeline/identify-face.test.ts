import { describe, expect, it } from 'vitest';
import { identifyFace } from '../../../lib/pipeline/identify-face';
import { matchThresholds, type MatchThresholds } from '../../../lib/pipeline/match-thresholds';
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

  it("by default uses the thresholds for the roster's size: a match among 12 people is only uncertain among 1,500", () => {
    expect(identifyFace(probe, [template('amelia', 0.955)], MODEL).kind).toBe('uncertain');
    expect(identifyFace(probe, [template('amelia', 0.99)], MODEL).kind).toBe('match');
    // Best 0.98, runner-up 0.966: clear enough against 12 people, too close when a stranger meets 1,500.
    const others = (count: number) => Array.from({ length: count }, (_, i) => template(`p${i}`, i === 0 ? 0.966 : 0.9, MODEL, i % 2 === 0 ? 1 : -1));
    expect(identifyFace(probe, [template('amelia', 0.98), ...others(11)], MODEL).kind).toBe('match');
    expect(identifyFace(probe, [template('amelia', 0.98), ...others(1499)], MODEL)).toMatchObject({ kind: 'uncertain', candidateId: 'amelia' });
  });

  it('counts every reference photo compared: 12 people with two photos each are held to the thresholds of 24', () => {
    const twelve = [template('amelia', 0.976), ...Array.from({ length: 11 }, (_, i) => template(`p${i}`, 0.9, MODEL, i % 2 === 0 ? 1 : -1))];
    expect(identifyFace(probe, twelve, MODEL).kind).toBe('match');
    const secondPhotos = twelve.map((t) => ({ ...t, descriptor: towards(0.89, -1) }));
    expect(identifyFace(probe, [...twelve, ...secondPhotos], MODEL)).toMatchObject({ kind: 'uncertain', candidateId: 'amelia' });
  });
});

describe('matchThresholds', () => {
  it('accepts above reject at every roster size, and is no laxer beyond the largest roster measured', () => {
    for (const people of [1, 12, 13, 100, 500, 1500, 2000, 10_000]) {
      const { accept, reject, runnerUpMargin } = matchThresholds(people);
      expect(accept).toBeGreaterThan(reject);
      expect(accept).toBeGreaterThanOrEqual(0.97);
      expect(runnerUpMargin).toBeGreaterThanOrEqual(0.01);
    }
    // Beyond the largest roster measured, nothing is laxer than at that size.
    const measured = matchThresholds(1500),
      beyond = matchThresholds(1501);
    expect(beyond.accept).toBeGreaterThanOrEqual(measured.accept);
    expect(beyond.runnerUpMargin).toBeGreaterThanOrEqual(measured.runnerUpMargin);
  });
});
