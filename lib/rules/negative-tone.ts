import type { Rule } from './rule';

/** Posts are positive and relevant: a sentence that disparages parents, pupils, staff or the school asks for a second look. */
export const negativeTone: Rule = {
  id: 'negative-tone',
  title: 'Negative or disparaging tone',
  defaultSeverity: 'warn',
  check: (facts) =>
    facts.text.tone.negative.map((sentence) => ({
      message:
        `This sentence reads as negative${sentence.negativeWords.length > 0 ? ` ("${sentence.negativeWords.join('", "')}")` : ''}: "${sentence.text}". ` +
        'School posts should be positive; reword it, or check with a senior leader before posting.',
      evidence: [],
      textSpans: [sentence.span],
    })),
};
