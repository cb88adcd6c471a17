import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern, type MatchPayload } from 'obscenity';
import type { OffensiveCategory, OffensiveMatch } from './types';

/**
 * School words that contain a listed word but are not offensive: pantomimes, nursery rhymes,
 * school dinners. (Obscenity already knows "Scunthorpe", "assessment" and the like.)
 */
const SCHOOL_WORDS = ['dick whittington', 'moby dick', 'spotted dick', 'pussycat', 'pussy willow'];

/**
 * What obscenity's English list lacks and the school's policies name: British racist slurs,
 * threats of violence and extremist slogans (the Prevent duty). Matched as whole words, through
 * the same transformers, so "k1ll y0u" counts too; "killer sudoku" and "shooting stars" do not match.
 */
const threats = (verbs: string[]): string[] => verbs.flatMap((verb) => ['you', 'him', 'her', 'them'].map((target) => `${verb} ${target}`));

const POLICY_PHRASES: { category: OffensiveCategory; phrases: string[] }[] = [
  { category: 'profanity_or_slur', phrases: ['paki', 'pakis', 'wog', 'wogs', 'pikey', 'gypo', 'spaz'] },
  { category: 'violence', phrases: [...threats(['kill', 'stab', 'shoot']), 'kill u', 'shoot up the', 'beat you up', 'bomb the', 'blow up the', 'burn down the'] },
  { category: 'extremism', phrases: ['heil hitler', 'sieg heil', 'white power', 'race war', 'kkk', 'jihadi'] },
];

interface PolicyMetadata {
  category: OffensiveCategory;
}

const policyDataset = POLICY_PHRASES.reduce(
  (dataset, { category, phrases }) =>
    phrases.reduce((set, phrase) => set.addPhrase((builder) => builder.setMetadata({ category }).addPattern(parseRawPattern(`|${phrase}|`))), dataset),
  new DataSet<PolicyMetadata>(),
);

const english = englishDataset.build();
const profanityMatcher = new RegExpMatcher({
  blacklistedTerms: english.blacklistedTerms,
  whitelistedTerms: [...(english.whitelistedTerms ?? []), ...SCHOOL_WORDS],
  ...englishRecommendedTransformers,
});
const policyMatcher = new RegExpMatcher({ ...policyDataset.build(), ...englishRecommendedTransformers });

/**
 * Finds offensive, discriminatory, violent or extremist language with the obscenity library:
 * its English profanity and slur list (with its own false-positive guards such as
 * "Scunthorpe"), plus the policy phrases above.
 */
export function findOffensiveLanguage(text: string): OffensiveMatch[] {
  const located = (match: MatchPayload, category: OffensiveCategory): OffensiveMatch => ({
    category,
    // Obscenity's end index is inclusive.
    text: text.slice(match.startIndex, match.endIndex + 1),
    span: { start: match.startIndex, end: match.endIndex + 1 },
  });
  const found = [
    ...profanityMatcher.getAllMatches(text, true).map((match) => located(match, 'profanity_or_slur')),
    ...policyMatcher.getAllMatches(text, true).map((match) => located(match, policyDataset.getPayloadWithPhraseMetadata(match).phraseMetadata!.category)),
  ];
  return found.sort((a, b) => a.span.start - b.span.start);
}
