import type { Consents, Person, Roster } from './types';

/** A person as the diff names them to the ORM lead: id and the name staff know them by. */
export interface DiffPerson {
  id: string;
  name: string;
}

export interface ConsentChange extends DiffPerson {
  /** Each consent that changed, e.g. { consent: 'socialMedia', now: false }. */
  changes: { consent: keyof Consents; now: boolean }[];
}

/** What a re-import changes, by UPN (or staff code): who joined, who left, whose consents changed, whose face template went. */
export interface RosterDiff {
  joined: DiffPerson[];
  left: DiffPerson[];
  consentsChanged: ConsentChange[];
  /** People who had a face template and have none now: leavers, withdrawn biometric consent, or face matching off. */
  templatesDeleted: DiffPerson[];
}

const named = (person: Person): DiffPerson => ({ id: person.id, name: `${person.preferredForename} ${person.surname}` });

const CONSENTS: (keyof Consents)[] = ['socialMedia', 'website', 'print', 'name', 'biometric'];

/**
 * The difference between the roster in use and the one replacing it, in the order each lists its people.
 * `enrolledAfter`: who will have a face template, for a preview made before the new roster's photos are enrolled.
 */
export function diffRosters(before: Roster, after: Roster, enrolledAfter: ReadonlySet<string> = new Set(after.templates.map((template) => template.personId))): RosterDiff {
  const previous = new Map(before.people.map((person) => [person.id, person]));
  const next = new Map(after.people.map((person) => [person.id, person]));
  const enrolledBefore = new Set(before.templates.map((template) => template.personId));
  return {
    joined: after.people.filter((person) => !previous.has(person.id)).map(named),
    left: before.people.filter((person) => !next.has(person.id)).map(named),
    consentsChanged: after.people.flatMap((person) => {
      const old = previous.get(person.id);
      if (old === undefined) return [];
      const changes = CONSENTS.filter((consent) => old.consents[consent] !== person.consents[consent]).map((consent) => ({ consent, now: person.consents[consent] }));
      return changes.length > 0 ? [{ ...named(person), changes }] : [];
    }),
    templatesDeleted: before.people.filter((person) => enrolledBefore.has(person.id) && !enrolledAfter.has(person.id)).map(named),
  };
}

const CONSENT_WORDS: Record<keyof Consents, string> = {
  socialMedia: 'social media photos',
  website: 'website photos',
  print: 'print photos',
  name: 'first name published',
  biometric: 'face matching',
};

const list = (people: DiffPerson[]): string => people.map((person) => `${person.name} (${person.id})`).join(', ');

/** The diff as lines for the ORM lead's report (`preview`: before it is applied); nothing when the re-import changes no one. */
export function formatRosterDiff(diff: RosterDiff, preview = false): string[] {
  const deleted = preview ? 'will be deleted' : 'deleted';
  return [
    ...(diff.joined.length > 0 ? [`New: ${list(diff.joined)}.`] : []),
    ...(diff.left.length > 0 ? [`Left (everything about them ${deleted}): ${list(diff.left)}.`] : []),
    ...diff.consentsChanged.map(
      (person) => `Consent changed for ${person.name} (${person.id}): ${person.changes.map(({ consent, now }) => `${CONSENT_WORDS[consent]} now ${now ? 'Y' : 'N'}`).join('; ')}.`,
    ),
    ...(diff.templatesDeleted.length > 0 ? [`Face templates ${deleted}: ${list(diff.templatesDeleted)}.`] : []),
  ];
}
