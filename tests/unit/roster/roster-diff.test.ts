import { describe, expect, it } from 'vitest';
import { diffRosters, formatRosterDiff } from '../../../lib/roster/roster-diff';
import { aPerson, aRoster } from '../../support/builders';

const amelia = aPerson({ id: 'T999240119101' });
const oliver = aPerson({ id: 'M999240119115', legalForename: 'Oliver', preferredForename: 'Oliver', surname: 'Nowak' });
const zoe = aPerson({ id: 'J999240119171', legalForename: 'Zoë', preferredForename: 'Zoë', surname: 'Lee' });
const template = (personId: string) => ({ personId, modelId: 'm', descriptor: [1, 0] });

describe('diffRosters', () => {
  it('names who joined, who left, whose consents changed and whose face template went, by UPN', () => {
    const before = { ...aRoster(amelia, oliver), templates: [template(amelia.id), template(oliver.id)] };
    const withdrawn = { ...amelia, consents: { ...amelia.consents, socialMedia: false, biometric: false } };
    const after = { ...aRoster(withdrawn, zoe), templates: [template(zoe.id)] };
    const diff = diffRosters(before, after);
    expect(diff).toEqual({
      joined: [{ id: zoe.id, name: 'Zoë Lee' }],
      left: [{ id: oliver.id, name: 'Oliver Nowak' }],
      consentsChanged: [
        {
          id: amelia.id,
          name: 'Amelia Hughes',
          changes: [
            { consent: 'socialMedia', now: false },
            { consent: 'biometric', now: false },
          ],
        },
      ],
      templatesDeleted: [
        { id: amelia.id, name: 'Amelia Hughes' },
        { id: oliver.id, name: 'Oliver Nowak' },
      ],
    });
    expect(formatRosterDiff(diff)).toEqual([
      'New: Zoë Lee (J999240119171).',
      'Left (everything about them deleted): Oliver Nowak (M999240119115).',
      'Consent changed for Amelia Hughes (T999240119101): social media photos now N; face matching now N.',
      'Face templates deleted: Amelia Hughes (T999240119101), Oliver Nowak (M999240119115).',
    ]);
  });

  it('previews the change before enrolment from who will be enrolled, in the future tense', () => {
    const before = { ...aRoster(amelia, oliver), templates: [template(amelia.id), template(oliver.id)] };
    const diff = diffRosters(before, aRoster(amelia), new Set([amelia.id]));
    expect(formatRosterDiff(diff, true)).toEqual([
      'Left (everything about them will be deleted): Oliver Nowak (M999240119115).',
      'Face templates will be deleted: Oliver Nowak (M999240119115).',
    ]);
  });

  it('says nothing when a re-import changes no one', () => {
    const roster = { ...aRoster(amelia), templates: [template(amelia.id)] };
    expect(formatRosterDiff(diffRosters(roster, roster))).toEqual([]);
  });
});
