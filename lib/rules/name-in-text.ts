import type { Rule } from './rule';

/** The post's words may not name a pupil: full names never, a lone first name only with name consent. */
export const nameInText: Rule = {
  id: 'name-in-text',
  title: "Pupil's name in the post's text",
  defaultSeverity: 'block',
  check: (facts) =>
    facts.textNames.map((issue) => ({
      message: `The post's text says "${issue.texts.join('", "')}", ${issue.reason}. Remove the name, or use only the first name of a pupil with name consent.`,
      evidence: [],
      textSpans: issue.spans,
      ...(issue.people.length === 1 ? { personId: issue.people[0]!.id } : {}),
    })),
};
