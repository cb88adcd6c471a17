import { describe, expect, it } from 'vitest';
import { establishFacts } from '../../../lib/pipeline/establish-facts';
import { MAX_MATCH_YAW, yawOf } from '../../../lib/pipeline/face-pose';
import { anAnalysis, anImageAnalysis, aPerson, SCHOOL_BIOMETRICS } from '../../support/builders';

/** Keypoints of a face whose eyes are 40 px apart and whose nose tip sits `offset` eye-distances along the eye line, tilted by `angle`. */
function keypoints(offset: number, angle = 0) {
  const along = { x: Math.cos(angle), y: Math.sin(angle) };
  const down = { x: -Math.sin(angle), y: Math.cos(angle) };
  const at = (a: number, d: number) => ({ x: 100 + 40 * (a * along.x + d * down.x), y: 100 + 40 * (a * along.y + d * down.y) });
  return [at(-0.5, 0), at(0.5, 0), at(offset, 0.6), at(0, 1.1)];
}

describe('yawOf', () => {
  it('is 0 for a frontal face, signed by the side the face turns to, whatever the tilt', () => {
    expect(yawOf(keypoints(0))).toBeCloseTo(0);
    expect(yawOf(keypoints(0.3))).toBeCloseTo(0.3);
    expect(yawOf(keypoints(-0.5, 0.4))).toBeCloseTo(-0.5);
  });

  it('is null without both eyes and the nose', () => {
    expect(yawOf([])).toBeNull();
    expect(yawOf(keypoints(0).slice(0, 2))).toBeNull();
  });
});

describe('a turned face at judge time', () => {
  const amelia = aPerson({ id: 'amelia' });
  const roster = { people: [amelia], templates: [{ personId: 'amelia', modelId: 'model-a', descriptor: [1, 0, 0] }], biometrics: SCHOOL_BIOMETRICS };
  const identityOf = (landmarks: { x: number; y: number }[]) =>
    establishFacts(
      anAnalysis([
        anImageAnalysis({ descriptorModel: 'model-a', faces: [{ box: { x: 0, y: 0, width: 80, height: 80 }, score: 0.9, landmarks, descriptor: Float32Array.from([1, 0, 0]) }] }),
      ]),
      { roster },
    ).images[0]!.faces[0]!.identity;

  it('is matched when frontal, and only uncertain (with the same candidate) when turned too far', () => {
    expect(identityOf(keypoints(0.1))).toMatchObject({ kind: 'match', personId: 'amelia' });
    expect(identityOf(keypoints(MAX_MATCH_YAW + 0.05))).toMatchObject({ kind: 'uncertain', reason: 'turned', candidateId: 'amelia' });
    expect(identityOf(keypoints(-MAX_MATCH_YAW - 0.05))).toMatchObject({ kind: 'uncertain', reason: 'turned' });
    expect(identityOf([])).toMatchObject({ kind: 'uncertain', reason: 'turned' });
  });
});
