import { describe, expect, it } from 'vitest';
import { faceUnknown } from '../../../lib/rules/face-unknown';
import { aFace, someFacts, anImage, aPerson, aRoster } from '../../support/builders';

describe('face-unknown', () => {
  const roster = aRoster(aPerson());

  it('holds a photo with a face nobody on the roster matches, boxing it', () => {
    const box = { x: 1, y: 2, width: 3, height: 4 };
    const findings = faceUnknown.check(someFacts([anImage([aFace({ kind: 'unknown', bestSimilarity: 0.1 }, box)])]), { roster });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence).toEqual([{ imageIndex: 0, box }]);
    expect(findings[0]!.message).toMatch(/not recognised/);
    expect(findings[0]!.personId).toBeUndefined();
  });

  it('reports one finding per photo, boxing every unknown face in it', () => {
    const unknown = aFace({ kind: 'unknown', bestSimilarity: 0.1 });
    const analysis = someFacts([anImage([unknown, unknown]), anImage([unknown], { imageIndex: 1, name: 'second.jpg' })]);
    const findings = faceUnknown.check(analysis, { roster });
    expect(findings.map((finding) => finding.evidence.length)).toEqual([2, 1]);
    expect(findings[0]!.message).toMatch(/^photo\.jpg: 2 faces/);
    expect(findings[1]!.message).toMatch(/^second\.jpg: a face/);
  });

  it('ignores recognised and uncertain faces', () => {
    const analysis = someFacts([anImage([aFace({ kind: 'match', personId: 'A999240119000', similarity: 0.9 }), aFace({ kind: 'uncertain', reason: 'too_small' })])]);
    expect(faceUnknown.check(analysis, { roster })).toEqual([]);
  });
});
