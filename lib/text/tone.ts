import Sentiment from 'sentiment';
import type { TextSpan, ToneResult } from './types';

/**
 * Changes to AFINN-165 (the sentiment library's word list), on its -5..5 scale: disparaging
 * words it lacks, and school notices' words that are facts rather than complaints.
 */
const EXTRA_WORDS: Record<string, number> = {
  disgraceful: -3,
  disrespectful: -2,
  abysmal: -3,
  idiots: -3,
  naughty: -2,
  cancelled: 0,
  canceled: 0,
  postponed: 0,
  closed: 0,
};

/** School phrases whose words score as negative on their own ("lost property", "hard at work"). */
const NEUTRAL_PHRASES = /\blost\s+property\b|\bbad\s+weather\b|\bhard\s+at\s+work\b|\bwork(?:ed|ing)?\s+(?:so\s+)?hard\b|\bkiller\s+sudoku\b|\bshooting\s+stars?\b/gi;

/** The school community a disparaging remark may be about. */
const PEOPLE =
  /\b(?:parents?|carers?|famil(?:y|ies)|pupils?|children|kids|students?|staff|teachers?|head(?:teacher)?|class(?:es)?|year\s*\d+|reception|governors?|some|everyone|you|they|their)\b/i;

/** A sentence about people at or below this score warns; a sentence about anything at or below `ALONE`. */
const ABOUT_PEOPLE = -2;
const ALONE = -5;

const analyser = new Sentiment();

/**
 * Judges each sentence's tone with the sentiment library. A post should be positive: a sentence
 * scoring negative about parents, pupils, staff or a class ("Disgraceful behaviour from some
 * parents") is negative tone, as is any strongly negative sentence. Mildly negative facts
 * ("the trip is cancelled") are not.
 */
export function judgeTone(text: string): ToneResult {
  const sentences = [...text.matchAll(/[^.!?\n]+[.!?]*/g)]
    .map((match) => ({ raw: match[0], start: match.index }))
    .filter(({ raw }) => raw.trim() !== '')
    .map(({ raw, start }) => {
      const span: TextSpan = { start: start + (raw.length - raw.trimStart().length), end: start + raw.trimEnd().length };
      const scored = analyser.analyze(
        raw.replace(NEUTRAL_PHRASES, (phrase) => ' '.repeat(phrase.length)),
        { extras: EXTRA_WORDS },
      );
      return { text: raw.trim(), span, score: scored.score, negativeWords: scored.negative };
    });
  const negative = sentences
    .filter((sentence) => sentence.score <= ALONE || (sentence.score <= ABOUT_PEOPLE && PEOPLE.test(sentence.text)))
    .map(({ text: sentenceText, span, negativeWords }) => ({ text: sentenceText, span, negativeWords }));
  return { sentences, negative };
}
