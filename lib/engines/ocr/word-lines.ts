import type { WordLine } from '../../text/types';
import type { OcrImageResult } from './types';

/** OCR lines as the name matcher reads them: each sheet is a group, so award wording carries to the next line. */
export function ocrWordLines(result: OcrImageResult): WordLine[] {
  return result.lines.map((line) => ({
    words: line.words.map((word) => ({ text: word.text, box: word.box })),
    group: line.region,
    ...(line.nameField !== undefined ? { nameField: line.nameField } : {}),
  }));
}
