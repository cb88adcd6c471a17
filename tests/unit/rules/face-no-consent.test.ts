import { describe, expect, it } from 'vitest';
import { faceNoConsent } from '../../../lib/rules/face-no-consent';
import { aFace, someFacts, anImage, aPerson, aRoster } from '../../support/builders';

describe('face-no-consent', () => {
  const consented = aPerson({ id: 'T999240119101' });
  const refused = aPerson({ id: 'M999240119115', legalForename: 'Oliver', preferredForename: 'Oliver', surname: 'Nowak', consents: { socialMedia: false } });
  const staff = aPerson({ id: 'STAFF01', role: 'staff', legalForename: 'Jo', preferredForename: 'Jo', surname: 'Carter', regGroup: '' });
  const roster = aRoster(consented, refused, staff);
  const match = (personId: string) => aFace({ kind: 'match', personId, similarity: 0.9 });

  it('holds a recognised pupil whose parents did not consent to social media, naming them', () => {
    const findings = faceNoConsent.check(someFacts([anImage([match(consented.id), match(refused.id)])]), { roster });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.personId).toBe(refused.id);
    expect(findings[0]!.message).toMatch(/Oliver Nowak \(6B\).*no consent for photos on social media/);
  });

  it('judges consent for the purpose of the post', () => {
    const websiteOnly = aPerson({ id: 'X1', consents: { socialMedia: true, website: false } });
    const analysis = someFacts([anImage([match('X1')])], { purpose: 'website' });
    expect(faceNoConsent.check(analysis, { roster: aRoster(websiteOnly) })).toHaveLength(1);
    expect(faceNoConsent.check({ ...analysis, purpose: 'social_media' }, { roster: aRoster(websiteOnly) })).toEqual([]);
  });

  it('passes consenting pupils and staff', () => {
    expect(faceNoConsent.check(someFacts([anImage([match(consented.id), match(staff.id)])]), { roster })).toEqual([]);
  });
});
