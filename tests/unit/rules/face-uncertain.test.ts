import { describe, expect, it } from 'vitest';
import { faceUncertain } from '../../../lib/rules/face-uncertain';
import { aFace, someFacts, anImage, aPerson, aRoster } from '../../support/builders';

describe('face-uncertain', () => {
  const consented = aPerson({ id: 'T999240119101' });
  const refused = aPerson({ id: 'J999240119171', legalForename: 'Zoë', preferredForename: 'Zoë', surname: 'Lee', consents: { socialMedia: false } });
  const roster = aRoster(consented, refused);

  it('asks staff to look at a face too small to identify, leaving severity to the rule default', () => {
    const findings = faceUncertain.check(someFacts([anImage([aFace({ kind: 'uncertain', reason: 'too_small' })])]), { roster });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBeUndefined();
    expect(findings[0]!.message).toMatch(/too small to identify/);
  });

  it('warns on a borderline match to a consenting pupil, saying whom to check for', () => {
    const face = aFace({ kind: 'uncertain', reason: 'low_confidence', candidateId: consented.id, similarity: 0.5 });
    const findings = faceUncertain.check(someFacts([anImage([face])]), { roster });
    expect(findings[0]!.severity).toBeUndefined();
    expect(findings[0]!.message).toMatch(new RegExp(`looks like ${consented.preferredForename} ${consented.surname} \\(.+\\), but not certainly`));
  });

  it('says only that a face is unclear when nobody on the roster comes close', () => {
    const face = aFace({ kind: 'uncertain', reason: 'low_confidence' });
    expect(faceUncertain.check(someFacts([anImage([face])]), { roster })[0]!.message).toMatch(/not clear enough/);
  });

  it('blocks a borderline match to a pupil without consent, never naming them', () => {
    const face = aFace({ kind: 'uncertain', reason: 'low_confidence', candidateId: refused.id, similarity: 0.5 });
    const findings = faceUncertain.check(someFacts([anImage([face])]), { roster });
    expect(findings[0]!.severity).toBe('block');
    expect(findings[0]!.personId).toBe(refused.id);
    expect(findings[0]!.message).toMatch(/may be a pupil who has no consent/);
    expect(findings[0]!.message).not.toMatch(/Zoë|Lee/);
  });

  it('tells a photo of small faces in one line, boxing each, apart from a face that looks like someone', () => {
    const small = aFace({ kind: 'uncertain', reason: 'too_small' });
    const alike = aFace({ kind: 'uncertain', reason: 'low_confidence', candidateId: consented.id, similarity: 0.96 });
    const findings = faceUncertain.check(someFacts([anImage([small, small, alike, small])]), { roster });
    expect(findings.map((finding) => finding.evidence?.length)).toEqual([1, 3]);
    expect(findings[1]!.message).toMatch(/3 faces are too small to identify/);
    expect(findings[0]!.personId).toBe(consented.id);
  });
});
