import { containment, unionOf, type Box } from '../geometry';
import type { Person } from '../roster/types';
import type { NameMention, TextSpan } from './types';

/** A pupil's name that may not be published, with every place it appears. */
export interface NameIssue {
  kind: NameMention['kind'];
  /** Who it names: one pupil for a full name; everyone sharing a first name. */
  people: Person[];
  /** The words as written or read, once per distinct spelling. */
  texts: string[];
  /** Plain-language reason, e.g. `"Arjun" is the first name of Arjun Patel, who has no name consent`. */
  reason: string;
  boxes: Box[];
  spans: TextSpan[];
}

/**
 * Applies the name policy to the names found: a full name is never published; a lone first
 * name only when exactly one pupil has it and that pupil has name consent. Mentions of the same
 * name are gathered into one issue; a first name is not reported again beside the full name.
 */
export function nameIssues(mentions: readonly NameMention[], people: readonly Person[]): NameIssue[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const fullNamed = new Set(mentions.filter((m) => m.kind === 'full_name').flatMap((m) => m.personIds));
  const issues = new Map<string, NameIssue>();
  for (const mention of mentions) {
    const named = mention.personIds.flatMap((id) => byId.get(id) ?? []);
    if (named.length === 0) continue;
    if (mention.kind === 'first_name') {
      if (named.every((person) => fullNamed.has(person.id))) continue;
      if (named.length === 1 && named[0]!.consents.name) continue;
    }
    const key = `${mention.kind}:${mention.personIds.join(',')}`;
    const issue = issues.get(key) ?? { kind: mention.kind, people: named, texts: [], reason: reasonFor(mention, named), boxes: [], spans: [] };
    if (!issue.texts.includes(mention.text)) issue.texts.push(mention.text);
    const box = unionOf(mention.boxes);
    if (box && !issue.boxes.some((other) => containment(other, box) > 0.5)) issue.boxes.push(box);
    issue.spans.push(...mention.spans);
    issues.set(key, issue);
  }
  return [...issues.values()];
}

export const fullNameOf = (person: Person): string => `${person.preferredForename || person.legalForename} ${person.surname}`;

function reasonFor(mention: NameMention, named: Person[]): string {
  if (mention.kind === 'full_name') {
    return `the full name of ${named.map(fullNameOf).join(' or ')}; pupils' full names are never published`;
  }
  if (named.length > 1) {
    return `a first name shared by ${named.length} pupils (${named.map(fullNameOf).join(', ')}), so it could name any of them`;
  }
  return `the first name of ${fullNameOf(named[0]!)}, who has no name consent`;
}
