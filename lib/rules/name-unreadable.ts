import { ocrWordLines } from '../engines/ocr/word-lines';
import type { OcrImageResult, OcrLine, NameField } from '../engines/ocr/types';
import type { Box } from '../pipeline/geometry';
import { findPupilNames } from '../text/find-pupil-names';
import type { Rule, RuleFinding } from './rule';

/** Every word of a reading at least this confident (0..100) means the field was read, whatever it says. */
const CONFIDENT = 80;
/** An English word read at least this confidently is read, even in a bold or unusual print ("Oak House"). */
const WORD_CONFIDENT = 40;

/**
 * A sheet's name field with something written in it that could not be read (handwriting,
 * blur) may still show a pupil's name: a person must look. Fields read as a pupil's name are
 * left to the name rules; fields read clearly as something else ("Class 4B") pass.
 */
export const nameUnreadable: Rule = {
  id: 'name-unreadable',
  title: 'Name on a sheet could not be read',
  defaultSeverity: 'warn',
  check: (analysis, context) =>
    analysis.images.flatMap((image): RuleFinding[] => {
      const ocr = image.ocr;
      return ocr.nameFields.flatMap((field, index): RuleFinding[] => {
        if (!field.hasInk) return [];
        const readings = readingsOf(ocr, field, index);
        const names = findPupilNames(ocrWordLines({ ...ocr, lines: readings }), context.roster.people, { ocr: true, commonWords: context.commonWords });
        if (names.length > 0 || readings.some((line) => isClearRead(line, context.commonWords))) return [];
        return [
          {
            message: `${image.name}: could not read the name on this sheet — check it is blank, or cover the name before posting.`,
            evidence: [{ imageIndex: image.imageIndex, box: field.box }],
          },
        ];
      });
    }),
};

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
    if (word.confidence >= CONFIDENT) return true;
    const letters = word.text.toLowerCase().replace(/[^a-z]/g, '');
    return word.confidence >= WORD_CONFIDENT && letters.length >= 3 && commonWords?.has(letters) === true;
  });
}

function centreInside(box: Box, area: Box): boolean {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return x >= area.x && x <= area.x + area.width && y >= area.y && y <= area.y + area.height;
}
