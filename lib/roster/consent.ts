import type { Consents, Person, Purpose, Roster } from './types';

/** Every person on the roster by id (UPN or staff code), for rules that resolve a face match. */
export function personById(roster: Roster): ReadonlyMap<string, Person> {
  return new Map(roster.people.map((person) => [person.id, person]));
}

const CONSENT_FOR: Record<Purpose, keyof Consents> = {
  social_media: 'socialMedia',
  website: 'website',
  print: 'print',
};

/** Whether the person's recorded photo consent covers this use; blank consent was read as No. */
export function consentCovers(person: Person, purpose: Purpose): boolean {
  return person.consents[CONSENT_FOR[purpose]];
}
