import type { Box } from '../geometry';
import type { Person } from '../roster/types';
import leven from 'leven';
import { normaliseName } from './normalise-name';
import type { LocatedWord, NameEvidence, NameMention, TextSpan, WordLine } from './types';

export interface NameMatchOptions {
  /**
   * Lower-case English words (common-words.ts). A lone first name that is also a word ("Rose",
   * "Will") needs evidence that it is a name. Without this set every first name counts as a name.
   */
  commonWords?: ReadonlySet<string>;
  /** The words were read by OCR: allow for misread letters. Typed text is matched exactly. */
  ocr?: boolean;
}

/** A form label that names the pupil: "Name:", "Pupil:". */
const NAME_LABEL = /^(?:name|pupil|child|student)s?:$/i;
/** Wording that introduces a pupil's name on certificates and in posts. */
const AWARD_WORDING = /\b(?:(?:awarded|presented|goes|given)\s+to|congratulations(?:\s+to)?|well\s+done(?:\s+to)?)\W*$/i;
/** Share of a full name's letters OCR may have misread: anywhere, and where a name is expected. */
const NAME_SHARE = 1 / 4;
const EXPECTED_NAME_SHARE = 1 / 3;
/** Words ending a sentence, so the next word's capital letter says nothing. */
const SENTENCE_END = /[.!?:;]["')\]]*$/;

interface NameForm {
  person: Person;
  forename: string;
  surname: string;
}

interface Candidate {
  personIds: string[];
  words: number[];
  distance: number;
  kind: NameMention['kind'];
  evidence: NameEvidence;
}

/**
 * Finds pupils' names among words, typed or read from a photo: a legal or preferred forename
 * with the surname in either order and any case ("HUGHES, Amelia", "Tom Whitfield's"),
 * ignoring diacritics and punctuation. OCR words may be misread by a bounded number of letters
 * (none for names of three letters or fewer), and both words of a full name must be there.
 * A lone first name is reported with everyone who shares it; when the name is also an ordinary
 * word it needs evidence: a capital letter mid-sentence, a "Name:" label, a name field or
 * certificate wording before it. Surnames alone are not pupils' names (a teacher may share one).
 */
export function findPupilNames(lines: readonly WordLine[], people: readonly Person[], options: NameMatchOptions = {}): NameMention[] {
  const forms = nameFormsOf(people);
  const mentions: NameMention[] = [];
  lines.forEach((line, lineIndex) => {
    const norms = line.words.map((word) => normaliseName(word.text, options.ocr));
    const fullNames = pickDisjoint(fullNameCandidates(lines, lineIndex, norms, forms, options));
    const used = new Set(fullNames.flatMap((candidate) => candidate.words));
    const firstNames = firstNameCandidates(lines, lineIndex, norms, forms, used, options);
    for (const candidate of [...fullNames, ...firstNames]) mentions.push(toMention(candidate, line.words, lineIndex, options));
  });
  const named = new Set(mentions.filter((mention) => mention.kind === 'full_name').flatMap((mention) => mention.personIds));
  if (options.ocr) mentions.push(...acrossReadings(lines, forms, options).filter((mention) => !mention.personIds.some((id) => named.has(id))));
  return mentions;
}

/** Each roster's pupils' names, normalised once: a post's text and every reading of its photos are matched against the same roster. */
const formsByRoster = new WeakMap<readonly Person[], NameForm[]>();

function nameFormsOf(people: readonly Person[]): NameForm[] {
  const known = formsByRoster.get(people);
  if (known) return known;
  const forms = people
    .filter((person) => person.role === 'pupil')
    .flatMap((person) =>
      unique([person.legalForename, person.preferredForename].map((name) => normaliseName(name))).map((forename) => ({
        person,
        forename,
        surname: normaliseName(person.surname),
      })),
    );
  formsByRoster.set(people, forms);
  return forms;
}

interface Located {
  line: number;
  words: number[];
  distance: number;
}

/**
 * A name field read several times (at different sizes) may give the forename right in one
 * reading and the surname in another. Both words are still needed, each within its allowance
 * and together within the share allowed where a name is expected.
 */
function acrossReadings(lines: readonly WordLine[], forms: NameForm[], options: NameMatchOptions): NameMention[] {
  const fields = new Map<number, number[]>();
  lines.forEach((line, index) => {
    if (line.nameField !== undefined) fields.set(line.nameField, [...(fields.get(line.nameField) ?? []), index]);
  });
  const mentions: NameMention[] = [];
  for (const readings of fields.values()) {
    if (readings.length < 2) continue;
    const spans = readings.map((index) => {
      const norms = lines[index]!.words.map((word) => normaliseName(word.text, options.ocr));
      return [norms, norms.map((norm, i) => (norm === '' || !norms[i + 1] ? '' : norm + norms[i + 1]))];
    });
    const closest = (name: string): Located | null => {
      let best: Located | null = null;
      spans.forEach(([single, pairs], reading) => {
        [single!, pairs!].forEach((words, joinedCount) => {
          words.forEach((word, start) => {
            const distance = wordDistance(word, name, options);
            if (distance !== null && (best === null || distance < best.distance)) {
              best = { line: readings[reading]!, words: joinedCount === 0 ? [start] : [start, start + 1], distance };
            }
          });
        });
      });
      return best;
    };
    for (const form of forms) {
      const forename = closest(form.forename);
      const surname = forename && closest(form.surname);
      if (!forename || !surname) continue;
      const distance = forename.distance + surname.distance;
      if (distance > Math.floor((form.forename.length + form.surname.length) * EXPECTED_NAME_SHARE)) continue;
      const located = [forename, surname].flatMap(({ line, words }) => words.map((index) => lines[line]!.words[index]!));
      mentions.push({
        kind: 'full_name',
        personIds: [form.person.id],
        text: located.map((word) => word.text).join(' '),
        approximate: distance > 0,
        evidence: 'name_field',
        line: forename.line,
        spans: [],
        boxes: located.flatMap((word) => (word.box ? [word.box] : [])),
      });
    }
  }
  return mentions;
}

function fullNameCandidates(lines: readonly WordLine[], lineIndex: number, norms: string[], forms: NameForm[], options: NameMatchOptions): Candidate[] {
  const candidates: Candidate[] = [];
  // Each word alone and joined with the next, built once per line.
  const spans = [norms, norms.map((norm, i) => (norm === '' || !norms[i + 1] ? '' : norm + norms[i + 1]))];
  for (let start = 0; start < norms.length; start += 1) {
    if (norms[start] === '') continue;
    // Where a name is expected (a name field, after "Name:" or award wording) a misread name is more likely a name.
    const share = lines[lineIndex]!.nameField !== undefined || cueBefore(lines, lineIndex, start) ? EXPECTED_NAME_SHARE : NAME_SHARE;
    for (const form of forms) {
      // A name may be split or joined differently ("Al-Farsi", "Al Farsi"): each part spans one or two words.
      for (const firstSpan of [1, 2]) {
        for (const secondSpan of [1, 2]) {
          const forward = pairDistance(spans, start, firstSpan, secondSpan, form.forename, form.surname, share, options);
          if (forward !== null) candidates.push(fullCandidate(form, start, firstSpan + secondSpan, forward));
          const reversed = pairDistance(spans, start, firstSpan, secondSpan, form.surname, form.forename, share, options);
          if (reversed !== null) candidates.push(fullCandidate(form, start, firstSpan + secondSpan, reversed));
        }
      }
    }
  }
  return mergeSamePlace(candidates);
}

/** `spans[k - 1][i]` is words i..i+k-1 joined, or '' where one is not a word. */
function pairDistance(
  spans: string[][],
  start: number,
  firstSpan: number,
  secondSpan: number,
  first: string,
  second: string,
  share: number,
  options: NameMatchOptions,
): number | null {
  if (start + firstSpan + secondSpan > spans[0]!.length) return null;
  const a = wordDistance(spans[firstSpan - 1]![start]!, first, options);
  if (a === null) return null;
  const b = wordDistance(spans[secondSpan - 1]![start + firstSpan]!, second, options);
  if (b === null) return null;
  // Each word may be misread within its own allowance, the name as a whole by a share of its letters.
  return a + b <= Math.floor((first.length + second.length) * share) ? a + b : null;
}

/**
 * Letters OCR may have misread in one word of a full name of this length. Typed text is
 * matched exactly; a lone first name read by OCR is held to a tighter bound (see firstNameCandidates).
 */
const allowance = (length: number, options: NameMatchOptions): number => {
  if (!options.ocr || length <= 2) return 0;
  if (length <= 4) return 1;
  return length <= 6 ? 2 : 3;
};

function wordDistance(word: string, name: string, options: NameMatchOptions): number | null {
  if (word === '') return null;
  const limit = allowance(name.length, options);
  if (Math.abs(word.length - name.length) > limit) return null;
  const distance = leven(word, name, { maxDistance: limit + 1 });
  return distance <= limit ? distance : null;
}

const fullCandidate = (form: NameForm, start: number, length: number, distance: number): Candidate => ({
  personIds: [form.person.id],
  words: Array.from({ length }, (_, k) => start + k),
  distance,
  kind: 'full_name',
  evidence: 'full_name',
});

/** Pupils who share a full name are one mention of several people. */
function mergeSamePlace(candidates: Candidate[]): Candidate[] {
  const byPlace = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const key = `${candidate.words.join(',')}`;
    const existing = byPlace.get(key);
    if (!existing || candidate.distance < existing.distance) byPlace.set(key, { ...candidate, personIds: [...candidate.personIds] });
    else if (candidate.distance === existing.distance) existing.personIds = unique([...existing.personIds, ...candidate.personIds]);
  }
  return [...byPlace.values()];
}

/** Closest matches first; a word belongs to one name. */
function pickDisjoint(candidates: Candidate[]): Candidate[] {
  const picked: Candidate[] = [];
  const taken = new Set<number>();
  for (const candidate of [...candidates].sort((a, b) => a.distance - b.distance || b.words.length - a.words.length)) {
    if (candidate.words.some((word) => taken.has(word))) continue;
    picked.push(candidate);
    for (const word of candidate.words) taken.add(word);
  }
  return picked;
}

function firstNameCandidates(lines: readonly WordLine[], lineIndex: number, norms: string[], forms: NameForm[], used: Set<number>, options: NameMatchOptions): Candidate[] {
  const line = lines[lineIndex]!;
  const candidates: Candidate[] = [];
  norms.forEach((norm, index) => {
    if (norm === '' || used.has(index)) return;
    // Misread first names are only considered where a name is expected.
    const cued = line.nameField !== undefined || cueBefore(lines, lineIndex, index) !== null;
    const limit = options.ocr && cued ? 1 : 0;
    let best = limit + 1;
    let matches: NameForm[] = [];
    for (const form of forms) {
      const distance = leven(norm, form.forename, { maxDistance: limit + 1 });
      // A short name misread by one letter is another word as often as not.
      if (distance > limit || (distance > 0 && form.forename.length < 5)) continue;
      if (distance < best) {
        best = distance;
        matches = [form];
      } else if (distance === best) matches.push(form);
    }
    if (matches.length === 0) return;
    const forename = matches[0]!.forename;
    // Everyone with this first name, legal or preferred: a name shared by two pupils identifies neither safely.
    const personIds = unique(forms.filter((form) => form.forename === forename).map((form) => form.person.id));
    const evidence = firstNameEvidence(lines, lineIndex, index, forename, forms, options);
    if (evidence) candidates.push({ personIds, words: [index], distance: best, kind: 'first_name', evidence });
  });
  return candidates;
}

function firstNameEvidence(lines: readonly WordLine[], lineIndex: number, index: number, forename: string, forms: NameForm[], options: NameMatchOptions): NameEvidence | null {
  const line = lines[lineIndex]!;
  if (line.nameField !== undefined) return 'name_field';
  const cue = cueBefore(lines, lineIndex, index);
  if (cue) return cue;
  if (!options.commonWords?.has(forename)) return 'distinct_name';
  const word = line.words[index]!.text;
  if (!isCapitalised(word) || startsSentence(line.words, index)) return null;
  // "Rose Garden", "Our Willow Class": a run of capitalised words is a title, not a person.
  const nameParts = new Set(forms.flatMap((form) => [form.forename, form.surname]));
  const titleWord = (at: number): boolean => {
    const neighbour = line.words[at];
    return neighbour !== undefined && /^\p{Lu}/u.test(neighbour.text) && !nameParts.has(normaliseName(neighbour.text, options.ocr));
  };
  if (titleWord(index + 1) || (!startsSentence(line.words, index - 1) && titleWord(index - 1))) return null;
  return 'capitalised';
}

/** A label or award wording just before the word, on its line or ending the line before in the same group. */
function cueBefore(lines: readonly WordLine[], lineIndex: number, index: number): 'name_label' | 'award_wording' | null {
  const words = lines[lineIndex]!.words;
  const before = words.slice(Math.max(0, index - 2), index);
  if (before.some((word) => NAME_LABEL.test(word.text))) return 'name_label';
  const lead = words
    .slice(Math.max(0, index - 4), index)
    .map((word) => word.text)
    .join(' ');
  if (AWARD_WORDING.test(lead)) return 'award_wording';
  const previous = lines[lineIndex - 1];
  const line = lines[lineIndex]!;
  if (index === 0 && previous && line.group !== undefined && previous.group === line.group) {
    const end = previous.words
      .slice(-4)
      .map((word) => word.text)
      .join(' ');
    if (AWARD_WORDING.test(end)) return 'award_wording';
    if (NAME_LABEL.test(previous.words.at(-1)?.text ?? '')) return 'name_label';
  }
  return null;
}

/** "Rose" but not "ROSE" or "rose": all-capital text says nothing about names. */
const isCapitalised = (word: string): boolean => /^\P{L}*\p{Lu}\p{Ll}/u.test(word);

function startsSentence(words: readonly LocatedWord[], index: number): boolean {
  if (index <= 0) return true;
  return SENTENCE_END.test(words[index - 1]!.text);
}

function toMention(candidate: Candidate, words: readonly LocatedWord[], line: number, options: NameMatchOptions): NameMention {
  const located = candidate.words.map((index) => words[index]!);
  return {
    kind: candidate.kind,
    personIds: candidate.personIds,
    text: located.map((word) => word.text).join(' '),
    approximate: options.ocr === true && candidate.distance > 0,
    evidence: candidate.evidence,
    line,
    spans: located.flatMap((word) => (word.span ? [word.span] : [])) satisfies TextSpan[],
    boxes: located.flatMap((word) => (word.box ? [word.box] : [])) satisfies Box[],
  };
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
