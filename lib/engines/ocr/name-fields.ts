import type { Box } from '../../geometry';
import type { GreyImage } from './grey-image';
import type { ReadLine } from './tesseract-reader';

/** A form label naming the pupil: "Name:", "Pupil:", "Child's name". */
const LABEL = /^(?:name|pupil|child|student)s?\W*$/i;
/** Another label on the same line ends the name field ("Date:", "Class:"). */
const NEXT_LABEL = /^[a-z]{2,}:$/i;
/** Certificate wording that introduces the pupil's name on the following line. */
const AWARD = /\b(?:awarded|presented|goes|given|go)\s+to\b|\bcongratulations\b/i;

/** Ink is darker than this on a lighting-normalised sheet. */
const INK = 128;

export interface SheetField {
  cue: string;
  /** Where the name would be, in sheet pixels. */
  box: Box;
  /** Box around the ink found there, or null when the field is blank. */
  ink: Box | null;
}

/**
 * Finds where a pupil's name goes on a sheet from the words read on it, and whether anything
 * is written there. A field is searched on the cleaned sheet (rules removed), so an empty
 * underline is blank.
 */
export function findNameFields(lines: readonly ReadLine[], sheet: GreyImage): SheetField[] {
  const fields: SheetField[] = [];
  for (const line of lines) {
    const labelIndex = line.words.findIndex((word) => LABEL.test(word.text));
    if (labelIndex >= 0 && labelIndex <= 1) {
      const label = line.words[labelIndex]!;
      const height = label.box.height;
      const next = line.words.slice(labelIndex + 1).find((word) => NEXT_LABEL.test(word.text));
      const left = label.box.x + label.box.width + height * 0.3;
      const right = next ? next.box.x - height * 0.3 : sheet.width - height;
      const box = clip({ x: left, y: label.box.y - height * 1.2, width: right - left, height: height * 2.8 }, sheet);
      if (box) fields.push({ cue: label.text, box, ink: inkIn(sheet, box, height, label.box.y + height / 2) });
      continue;
    }
    const text = line.words.map((word) => word.text).join(' ');
    if (!AWARD.test(text)) continue;
    const height = medianHeight(line);
    const bottomOfCue = line.box.y + line.box.height;
    // The band ends at the next ordinary-sized line (the certificate's reason), or four cue lines down.
    const following = lines.find(
      (other) => other.box.y > bottomOfCue + height * 0.5 && medianHeight(other) <= height * 1.5 && overlapsX(other.box, line.box) && hasRealWord(other),
    );
    const bottom = Math.min(bottomOfCue + height * 4.5, following ? following.box.y - height * 0.2 : Infinity);
    const centre = line.box.x + line.box.width / 2;
    const halfWidth = Math.max(line.box.width * 1.2, height * 8);
    const box = clip({ x: centre - halfWidth, y: bottomOfCue + height * 0.2, width: halfWidth * 2, height: bottom - bottomOfCue - height * 0.2 }, sheet);
    if (box) fields.push({ cue: text.match(AWARD)![0], box, ink: inkIn(sheet, box, height, null) });
  }
  return fields;
}

/**
 * The box around the line of ink in a field, if there is enough of it to be writing (a small
 * word's worth at the cue's size, wider than tall). The line is the run of inked rows through
 * `anchorY` (a label's middle) or, without one, the first run from the top, so a title above
 * or the next printed line below is left out.
 */
function inkIn(sheet: GreyImage, box: Box, cueHeight: number, anchorY: number | null): Box | null {
  const x0 = Math.round(box.x);
  const y0 = Math.round(box.y);
  const x1 = Math.round(box.x + box.width);
  const y1 = Math.round(box.y + box.height);
  const rowInk = new Int32Array(y1 - y0);
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) if (sheet.data[y * sheet.width + x]! < INK) rowInk[y - y0] = rowInk[y - y0]! + 1;
  }
  const inked = (row: number): boolean => rowInk[row]! > 0;
  let anchor = -1;
  if (anchorY === null) anchor = rowInk.findIndex((count) => count > 0);
  else {
    const middle = Math.round(anchorY) - y0;
    for (let d = 0; d <= cueHeight * 0.6 && anchor < 0; d += 1) {
      if (middle + d < rowInk.length && middle + d >= 0 && inked(middle + d)) anchor = middle + d;
      else if (middle - d >= 0 && middle - d < rowInk.length && inked(middle - d)) anchor = middle - d;
    }
  }
  if (anchor < 0) return null;
  // Letters leave gaps of a few rows (dots, accents): only a wider gap ends the line.
  const maxGap = Math.max(2, Math.round(cueHeight * 0.15));
  const extend = (from: number, step: number): number => {
    let edge = from;
    for (let row = from, gap = 0; row >= 0 && row < rowInk.length && gap <= maxGap; row += step) {
      if (inked(row)) {
        edge = row;
        gap = 0;
      } else gap += 1;
    }
    return edge;
  };
  const top = extend(anchor, -1) + y0;
  const bottom = extend(anchor, 1) + y0;
  let count = 0;
  let left = Infinity;
  let right = -Infinity;
  for (let y = top; y <= bottom; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      if (sheet.data[y * sheet.width + x]! >= INK) continue;
      count += 1;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  if (count < cueHeight * cueHeight * 0.5 || right - left < cueHeight) return null;
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** A confidently read word of three letters or more, as opposed to specks read as "|" or "[J". */
const hasRealWord = (line: ReadLine): boolean => line.words.some((word) => word.confidence >= 60 && /[a-z]{3}/i.test(word.text));

function medianHeight(line: ReadLine): number {
  const heights = line.words.map((word) => word.box.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? line.box.height;
}

const overlapsX = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width;

function clip(box: Box, sheet: GreyImage): Box | null {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  const right = Math.min(sheet.width, box.x + box.width);
  const bottom = Math.min(sheet.height, box.y + box.height);
  return right - x < 4 || bottom - y < 4 ? null : { x, y, width: right - x, height: bottom - y };
}
