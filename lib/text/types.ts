import type { Box } from '../geometry';

/** A character range in the post's text, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A word and where it is: a range of the post's text, or a box in a photo. */
export interface LocatedWord {
  text: string;
  span?: TextSpan;
  box?: Box;
}

/** Words in reading order on one line of a photo, or one paragraph of the post's text. */
export interface WordLine {
  words: LocatedWord[];
  /**
   * Set when the line is a reading of a sheet's name field ("Name: ____"); lines with the same
   * number are readings of the same field.
   */
  nameField?: number;
  /** Lines read from the same sheet share a group; award wording on one line marks the next line. */
  group?: number;
}

/**
 * Why a lone first name was taken as a name rather than an ordinary word. A full name needs
 * no evidence; a first name that is not an English word ("Arjun") is `distinct_name`.
 */
export type NameEvidence = 'full_name' | 'distinct_name' | 'capitalised' | 'name_label' | 'award_wording' | 'name_field';

export interface NameMention {
  kind: 'full_name' | 'first_name';
  /** Roster ids the words could name: one person for a full name, everyone sharing a first name. */
  personIds: string[];
  /** The words as written or read. */
  text: string;
  /** A word matched only within the allowance for OCR misreadings. */
  approximate: boolean;
  evidence: NameEvidence;
  line: number;
  /** Where the words are: text ranges for the post, boxes for a photo. */
  spans: TextSpan[];
  boxes: Box[];
}

export type PersonalDataKind = 'mobile_phone' | 'landline_phone' | 'email' | 'street_address' | 'postcode' | 'upn' | 'date_of_birth';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  text: string;
  span: TextSpan;
}

export interface ToneResult {
  /** Sentiment score per sentence (AFINN-165 via the sentiment library); negative is unfavourable. */
  sentences: { text: string; span: TextSpan; score: number; negativeWords: string[] }[];
  /** The sentences judged disparaging or negative. */
  negative: { text: string; span: TextSpan; negativeWords: string[] }[];
}

export type OffensiveCategory = 'profanity_or_slur' | 'violence' | 'extremism';

export interface OffensiveMatch {
  category: OffensiveCategory;
  text: string;
  span: TextSpan;
}

/** What the post's text says, found once per post; names are matched by the rules against the roster. */
export interface TextAnalysis {
  personalData: PersonalDataMatch[];
  tone: ToneResult;
  offensive: OffensiveMatch[];
}
