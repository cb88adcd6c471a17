import { describe, expect, it } from 'vitest';
import { faceNotMatched } from '../../../lib/rules/face-not-matched';
import { aFace, anImage, aRoster, someFacts } from '../../support/builders';

describe('face-not-matched', () => {
  const roster = { ...aRoster(), biometrics: null };

  it('boxes every face of a photo in one warning, asking staff to check consent for the post’s use by hand', () => {
    const box = { x: 1, y: 2, width: 3, height: 4 };
    const findings = faceNotMatched.check(someFacts([anImage([aFace({ kind: 'not_matched' }, box), aFace({ kind: 'not_matched' })])], { purpose: 'website' }), { roster });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence[0]).toEqual({ imageIndex: 0, box });
    expect(findings[0]!.evidence).toHaveLength(2);
    expect(findings[0]!.message).toMatch(/^photo\.jpg: 2 faces to check\. Face matching is off/);
    expect(findings[0]!.message).toMatch(/consent for photos on the school website/);
  });

  it('says nothing of photos without faces, or of faces matched with face matching on', () => {
    expect(faceNotMatched.check(someFacts([anImage([])]), { roster })).toEqual([]);
    expect(faceNotMatched.check(someFacts([anImage([aFace({ kind: 'match', personId: 'A1', similarity: 0.99 })])]), { roster: aRoster() })).toEqual([]);
  });
});
