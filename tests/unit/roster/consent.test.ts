import { describe, expect, it } from 'vitest';
import { consentCovers, personById } from '../../../lib/roster/consent';
import { aPerson, aRoster } from '../../support/builders';

describe('consent lookups', () => {
  it('finds people by UPN or staff code', () => {
    const pupil = aPerson({ id: 'A1' });
    const teacher = aPerson({ id: 'ATE', role: 'staff' });
    const people = personById(aRoster(pupil, teacher));
    expect(people.get('A1')).toBe(pupil);
    expect(people.get('ATE')).toBe(teacher);
    expect(people.get('nobody')).toBeUndefined();
  });

  it('checks the consent recorded for each purpose', () => {
    const person = aPerson({ consents: { socialMedia: true, website: false, print: true, name: false, biometric: false } });
    expect(consentCovers(person, 'social_media')).toBe(true);
    expect(consentCovers(person, 'website')).toBe(false);
    expect(consentCovers(person, 'print')).toBe(true);
  });

  it('does not let name or biometric consent stand in for photo consent', () => {
    const person = aPerson({ consents: { socialMedia: false, website: false, print: false, name: true, biometric: true } });
    const purposes = ['social_media', 'website', 'print'] as const;
    expect(purposes.map((purpose) => consentCovers(person, purpose))).toEqual([false, false, false]);
  });
});
