import { CONFIDENT_READ, type NameField, type OcrImageResult, type OcrLine } from '../engines/ocr/types';
import { centreInside, type Box } from '../geometry';
import type { Person } from '../roster/types';
import { findPupilNames } from '../text/find-pupil-names';
import { nameIssues, type NameIssue } from '../text/name-issues';
import { tokenise } from '../text/tokenise';
import type { WordLine } from '../text/types';

/** What the name matcher needs: the roster's people and the English words that may also be first names. */
export interface NameContext {
  people: readonly Person[];
  /** Without it every first name counts as a name, even "Will" in "Will you join us?". */
  commonWords?: ReadonlySet<string>;
}

/** An English word read at least this confidently is read, even in a bold or unusual print ("Oak House"). */
const WORD_CONFIDENT = 40;

/** OCR lines as the name matcher reads them: each sheet is a group, so award wording carries to the next line. */
export function ocrWordLines(lines: readonly OcrLine[]): WordLine[] {
  return lines.map((line) => ({
    words: line.words.map((word) => ({ text: word.text, box: word.box })),
    group: line.region,
    ...(line.nameField !== undefined ? { nameField: line.nameField } : {}),
  }));
}

const namesRead = (lines: readonly OcrLine[], context: NameContext) => findPupilNames(ocrWordLines(lines), context.people, { ocr: true, commonWords: context.commonWords });

/** Pupils' names in the post's words that the name policy does not allow. */
export const textNameIssues = (text: string, context: NameContext): NameIssue[] =>
  nameIssues(findPupilNames(tokenise(text), context.people, { commonWords: context.commonWords }), context.people);

/** Pupils' names legible in a photo that the name policy does not allow. */
export const imageNameIssues = (ocr: OcrImageResult, context: NameContext): NameIssue[] => nameIssues(namesRead(ocr.lines, context), context.people);

/**
 * Name fields with writing in them that was neither read as a pupil's name nor read clearly as
 * something else ("Class 4B"): handwriting or blur may still show a name, so a person must look.
 */
export function unreadableNameFields(ocr: OcrImageResult, context: NameContext): Box[] {
  return ocr.nameFields.flatMap((field, index) => {
    if (!field.hasInk) return [];
    const readings = readingsOf(ocr, field, index);
    if (namesRead(readings, context).length > 0 || readings.some((line) => isClearRead(line, context.commonWords))) return [];
    return [field.box];
  });
}

/** The field's own re-readings, and the words of the sheet's first reading that fall inside it. */
function readingsOf(ocr: OcrImageResult, field: NameField, index: number): OcrLine[] {
  return ocr.lines.flatMap((line) => {
    if (line.nameField === index) return [line];
    if (line.nameField !== undefined || line.region !== field.region) return [];
    const inside = line.words.filter((word) => centreInside(word.box, field.box));
    return inside.length > 0 ? [{ ...line, words: inside, nameField: index }] : [];
  });
}

/** A reading that says something: every word confident, or an English word (a house or class name rather than a pupil's). */
function isClearRead(line: OcrLine, commonWords: ReadonlySet<string> | undefined): boolean {
  if (!line.words.some((word) => /\p{L}{2}/u.test(word.text))) return false;
  return line.words.every((word) => {
    if (word.confidence >= CONFIDENT_READ) return true;
    const letters = word.text.toLowerCase().replace(/[^a-z]/g, '');
    return word.confidence >= WORD_CONFIDENT && letters.length >= 3 && commonWords?.has(letters) === true;
  });
}
