import { describe, expect, it } from 'vitest';
import { changeConsents, deleteTemplatesOf, findPeople, templatesOf } from '../../../lib/roster/edit-person';
import type { Roster } from '../../../lib/roster/types';
import { must } from '../../support/must';
import { aPerson, aRoster } from '../../support/builders';

const siobhan = aPerson({ id: 'A123456789012', legalForename: 'Siobhán', preferredForename: 'Shiv', surname: "O'Connor" });
const kacper = aPerson({ id: 'B123456789012', legalForename: 'Kacper', preferredForename: 'Kacper', surname: 'Wiśniewski' });
const template = (personId: string) => ({ personId, modelId: 'm', descriptor: [1, 0] });

function school(): Roster {
  return { ...aRoster(siobhan, kacper), templates: [template(siobhan.id), template(siobhan.id), template(kacper.id)] };
}

describe('findPeople', () => {
  it('finds by any forename or surname, without accents or punctuation, every word matching', () => {
    expect(findPeople(school(), 'siobhan').map((p) => p.id)).toEqual([siobhan.id]);
    expect(findPeople(school(), 'Shiv oconn').map((p) => p.id)).toEqual([siobhan.id]);
    expect(findPeople(school(), 'wisn').map((p) => p.id)).toEqual([kacper.id]);
    expect(findPeople(school(), 'Kacper Connor')).toEqual([]);
  });

  it('finds by the start of a UPN or staff code, given three characters or more', () => {
    expect(findPeople(school(), 'b12').map((p) => p.id)).toEqual([kacper.id]);
    expect(findPeople(school(), 'b1')).toEqual([]);
  });

  it('finds no one for an empty search, and at most the limit', () => {
    expect(findPeople(school(), '  ')).toEqual([]);
    const many = aRoster(...Array.from({ length: 30 }, (_, i) => aPerson({ id: `P${i}`, surname: 'Smith' })));
    expect(findPeople(many, 'smith', 10)).toHaveLength(10);
  });
});

describe('changeConsents', () => {
  it('changes only that person, and keeps their templates while biometric consent stands', () => {
    const changed = must(changeConsents(school(), siobhan.id, { ...siobhan.consents, socialMedia: false }));
    expect(changed.people.find((p) => p.id === siobhan.id)!.consents.socialMedia).toBe(false);
    expect(changed.people.find((p) => p.id === kacper.id)).toEqual(kacper);
    expect(templatesOf(changed, siobhan.id)).toBe(2);
  });

  it("deletes the person's templates when biometric consent is withdrawn, and no one else's", () => {
    const changed = must(changeConsents(school(), siobhan.id, { ...siobhan.consents, biometric: false }));
    expect(templatesOf(changed, siobhan.id)).toBe(0);
    expect(templatesOf(changed, kacper.id)).toBe(1);
  });

  it('refuses a person no longer on the roster, changing nothing', () => {
    const roster = school();
    const changed = changeConsents(roster, 'Z999', siobhan.consents);
    expect(changed.ok).toBe(false);
    expect(roster).toEqual(school());
  });
});

describe('deleteTemplatesOf', () => {
  it("deletes the person's templates and keeps their consents", () => {
    const changed = must(deleteTemplatesOf(school(), kacper.id));
    expect(templatesOf(changed, kacper.id)).toBe(0);
    expect(templatesOf(changed, siobhan.id)).toBe(2);
    expect(changed.people).toEqual(school().people);
  });

  it('refuses a person not on the roster', () => {
    expect(deleteTemplatesOf(school(), 'nobody').ok).toBe(false);
  });
});
