import type { OffensiveCategory } from '../text/types';
import type { Rule } from './rule';

const DESCRIPTION: Record<OffensiveCategory, string> = {
  profanity_or_slur: 'offensive or discriminatory language',
  violence: 'violent or threatening language',
  extremism: 'extremist language',
};

/** Offensive, discriminatory, violent or extremist words are never posted (behaviour, equality and Prevent policies). */
export const offensiveLanguage: Rule = {
  id: 'offensive-language',
  title: 'Offensive, discriminatory, violent or extremist language',
  defaultSeverity: 'block',
  check: (facts) =>
    facts.text.offensive.map((match) => ({
      message: `The post's text contains ${DESCRIPTION[match.category]} ("${match.text}"). Remove it before posting.`,
      evidence: [],
      textSpans: [match.span],
    })),
};
