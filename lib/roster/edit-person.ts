import { checkError, err, ok, type CheckError, type Result } from '../errors';
import type { Consents, Person, Roster } from './types';

/**
 * Changes the ORM lead makes to one person between imports: a parent withdraws consent by letter, a pupil refuses
 * face matching. Each returns a new roster (the one in use is replaced whole, as an import replaces it) and never
 * leaves a template behind that the person's consents no longer allow.
 */

/** Folded for search: "Siobhan" finds "Siobhán", "oconnor" finds "O'Connor". */
const folded = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '');

/**
 * People whose UPN or staff code starts with `query`, or every word of whose `query` starts one of their names
 * (legal or preferred forename, surname); in roster order, at most `limit`.
 */
export function findPeople(roster: Roster, query: string, limit = 10): Person[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const id = query.trim().toUpperCase();
  const found: Person[] = [];
  for (const person of roster.people) {
    const names = folded(`${person.legalForename} ${person.preferredForename} ${person.surname}`).split(/\s+/);
    const named = words.every((word) => names.some((name) => name.startsWith(word)));
    if (named || (id.length >= 3 && person.id.toUpperCase().startsWith(id))) found.push(person);
    if (found.length === limit) break;
  }
  return found;
}

const unknownPerson = (personId: string): CheckError =>
  checkError('roster_invalid', `No one with the UPN or staff code ${personId} is on the roster in use: it may have been replaced. Search again.`);

/** The person's templates, if any, go with their biometric consent. */
export function changeConsents(roster: Roster, personId: string, consents: Consents): Result<Roster, CheckError> {
  if (!roster.people.some((person) => person.id === personId)) return err(unknownPerson(personId));
  return ok({
    ...roster,
    people: roster.people.map((person) => (person.id === personId ? { ...person, consents: { ...consents } } : person)),
    templates: consents.biometric ? roster.templates : roster.templates.filter((template) => template.personId !== personId),
  });
}

/** Deletes the person's face templates, keeping their consents: their face is then never recognised, so always checked by hand. */
export function deleteTemplatesOf(roster: Roster, personId: string): Result<Roster, CheckError> {
  if (!roster.people.some((person) => person.id === personId)) return err(unknownPerson(personId));
  return ok({ ...roster, templates: roster.templates.filter((template) => template.personId !== personId) });
}

export const templatesOf = (roster: Roster, personId: string): number => roster.templates.filter((template) => template.personId === personId).length;
