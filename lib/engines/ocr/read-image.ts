import { abortError } from '../../deadlines';
import { err, ok, type CheckError, type Result } from '../../errors';
import { containment, signedArea, type Box, type Point } from '../../geometry';
import type { DecodedImage } from '../image/types';
import { normaliseLighting, removeRules, thickenInk } from './clean-sheet';
import { estimateSkew } from './estimate-skew';
import { findDocuments } from './find-documents';
import { toGrey, type GreyImage } from './grey-image';
import { applyHomography, homographyBetween, mapBox, warpGrey, type Homography, type Quad } from './homography';
import { letterHeight } from './letter-height';
import { findNameFields, type SheetField } from './name-fields';
import type { ReadLine, TesseractReader } from './tesseract-reader';
import { CONFIDENT_READ, type NameField, type OcrImageResult, type OcrLine, type OcrRegion } from './types';

/** Long side of the first, unenlarged look at a sheet (text size and slope are measured on it). */
const SURVEY_SIDE = 800;
/** Typical letter height tesseract is given: small print enlarged, poster letters reduced. */
const LETTER_HEIGHT = 22;
/** A sheet held in a group photo may be a few hundred pixels: enlarge up to this factor. */
const MAX_ENLARGE = 4;
/** Bound on the pixels of one sheet as read, which bounds the time tesseract takes. */
const MAX_SHEET_PIXELS = 2_400_000;
/** Long side (as read) up to which a sheet is also read as one block of text. */
const SMALL_SHEET_SIDE = 900;
/** The whole photo is read too when sheets cover less of it than this (a sign or badge may be elsewhere). */
const PHOTO_PASS_BELOW_COVER = 0.25;
/** Long side for reading a whole photo, or a sheet with no measurable letters: no enlarging, and a 12-MP photo is not read at full size. */
const PHOTO_SIDE = 1280;
/**
 * How a name field's ink is read again on its own: height it is scaled to, and whether strokes
 * are thickened. Tesseract misreads handwriting differently at each, and any one reading that
 * names a pupil is enough.
 */
const FIELD_VARIANTS = [
  { inkHeight: 64, thicken: false },
  { inkHeight: 96, thicken: false },
  { inkHeight: 48, thicken: false },
  { inkHeight: 64, thicken: true },
] as const;

interface Region {
  region: OcrRegion;
  /** Size of the region in decoded-image pixels along its own axes. */
  width: number;
  height: number;
  corners: Quad;
}

interface Sheet {
  image: GreyImage;
  /** Maps sheet pixels to decoded-image pixels. */
  toImage: Homography;
}

/**
 * Reads a photo: finds the sheets of paper in it, straightens each one, turns it level and
 * scales it to a good letter size, cleans it (even lighting, ruled lines removed) and reads it
 * (a small sheet twice, with two page layouts); then reads each name field that has writing in
 * it again on its own. Also reads the whole photo when sheets cover little of it.
 * All boxes are in pixels of `image`.
 */
export async function readImage(reader: TesseractReader, image: DecodedImage, signal: AbortSignal): Promise<Result<OcrImageResult, CheckError>> {
  const started = performance.now();
  const grey = toGrey(image);
  const regions = findRegions(image);
  const lines: OcrLine[] = [];
  const nameFields: NameField[] = [];
  for (const [regionIndex, region] of regions.entries()) {
    if (signal.aborted) return err(abortError(signal));
    const sheet = region.region.kind === 'document' ? prepareSheet(grey, region) : preparePhoto(grey, region);
    const read = await reader.read(sheet.image, 'sheet', signal);
    if (!read.ok) return read;
    const sheetLines = [...read.value];
    // Tesseract's page layout analysis misses lines on a small sheet (one held in a group photo);
    // reading it again as a single block of text costs little there.
    if (region.region.kind === 'document' && Math.max(sheet.image.width, sheet.image.height) <= SMALL_SHEET_SIDE) {
      const block = await reader.read(sheet.image, 'block', signal);
      if (!block.ok) return block;
      sheetLines.push(...block.value);
    }
    lines.push(...sheetLines.map((line) => toImageLine(line, sheet.toImage, regionIndex)));
    for (const field of distinctFields(findNameFields(sheetLines, sheet.image))) {
      const fieldIndex = nameFields.length;
      nameFields.push({ region: regionIndex, cue: field.cue, box: mapBox(sheet.toImage, field.box), hasInk: field.ink !== null });
      if (!field.ink) continue;
      for (const variant of FIELD_VARIANTS) {
        const reread = await readField(reader, sheet.image, field.ink, variant, signal);
        if (!reread.ok) return reread;
        lines.push(...reread.value.map((line) => ({ ...toImageLine(line, sheet.toImage, regionIndex), nameField: fieldIndex })));
        // Print reads cleanly the first time; handwriting gets a few more looks.
        if (reread.value.length > 0 && reread.value.every((line) => line.words.every((word) => word.confidence >= CONFIDENT_READ))) break;
      }
    }
  }
  return ok({
    width: image.width,
    height: image.height,
    regions: regions.map(({ region }) => region),
    lines,
    nameFields,
    ms: performance.now() - started,
  });
}

function findRegions(image: DecodedImage): Region[] {
  const documents = findDocuments(image).map(({ corners }) => regionOf('document', corners));
  const covered = documents.reduce((sum, { corners }) => sum + Math.abs(signedArea(corners)), 0) / (image.width * image.height);
  return covered < PHOTO_PASS_BELOW_COVER ? [...documents, regionOf('photo', rectangle(image.width, image.height))] : documents;
}

function regionOf(kind: OcrRegion['kind'], corners: Quad): Region {
  const [tl, tr, br, bl] = corners;
  return {
    region: { kind, corners: [...corners] },
    width: Math.max(distance(tl, tr), distance(bl, br)),
    height: Math.max(distance(tl, bl), distance(tr, br)),
    corners,
  };
}

/**
 * Straightens a sheet, turns it level if its text slopes, and scales it so its letters are a
 * size tesseract reads well; then cleans it (even lighting, ruled lines removed). The photo is
 * resampled once for the sheet as read; slope and letter size are measured on a first look.
 */
function prepareSheet(grey: GreyImage, region: Region): Sheet {
  const surveyScale = Math.min(1, SURVEY_SIDE / Math.max(region.width, region.height));
  const surveySize = sizeAt(region, surveyScale);
  const survey = normaliseLighting(warpGrey(grey, homographyBetween(rectangle(surveySize.width, surveySize.height), region.corners), surveySize.width, surveySize.height));
  const skew = estimateSkew(survey);
  const letters = letterHeight(survey);
  // Never below the size a whole photo is read at: blurred letters merge and look taller than they are.
  const floor = Math.min(1, PHOTO_SIDE / Math.max(region.width, region.height));
  let scale = letters === null ? floor : Math.min(MAX_ENLARGE, Math.max(floor, (surveyScale * LETTER_HEIGHT) / letters));
  scale = Math.min(scale, Math.sqrt(MAX_SHEET_PIXELS / (region.width * region.height)));
  const { width, height } = sizeAt(region, scale);
  const straight = homographyBetween(rectangle(width, height), region.corners);
  // Turn about the centre, composed with the straightening so the photo is resampled once.
  const centre = { x: width / 2, y: height / 2 };
  const turn = (p: Point): Point => ({
    x: centre.x + (p.x - centre.x) * Math.cos(skew) - (p.y - centre.y) * Math.sin(skew),
    y: centre.y + (p.x - centre.x) * Math.sin(skew) + (p.y - centre.y) * Math.cos(skew),
  });
  const level = rectangle(width, height);
  const toImage = skew === 0 ? straight : homographyBetween(level, level.map((corner) => applyHomography(straight, turn(corner))) as unknown as Quad);
  return { image: removeRules(normaliseLighting(warpGrey(grey, toImage, width, height))), toImage };
}

/** The whole photo, reduced but not enlarged: signs, badges and sheets too irregular to be found as paper. */
function preparePhoto(grey: GreyImage, region: Region): Sheet {
  const { width, height } = sizeAt(region, Math.min(1, PHOTO_SIDE / Math.max(region.width, region.height)));
  const toImage = homographyBetween(rectangle(width, height), region.corners);
  // No rule removal: in a photo it would wipe out every dark stretch (hair, clothes, shadows).
  return { image: normaliseLighting(warpGrey(grey, toImage, width, height)), toImage };
}

const sizeAt = (region: Region, scale: number): { width: number; height: number } => ({
  width: Math.max(1, Math.round(region.width * scale)),
  height: Math.max(1, Math.round(region.height * scale)),
});

/** Reads the ink of one name field on its own, scaled so handwriting is a comfortable size. */
async function readField(
  reader: TesseractReader,
  sheet: GreyImage,
  ink: Box,
  variant: (typeof FIELD_VARIANTS)[number],
  signal: AbortSignal,
): Promise<Result<ReadLine[], CheckError>> {
  const margin = ink.height * 0.35;
  const crop = { x: ink.x - margin, y: ink.y - margin, width: ink.width + margin * 2, height: ink.height + margin * 2 };
  const scale = variant.inkHeight / ink.height;
  const width = Math.max(1, Math.round(crop.width * scale));
  const height = Math.max(1, Math.round(crop.height * scale));
  const toSheet = homographyBetween(rectangle(width, height), boxCorners(crop));
  const field = warpGrey(sheet, toSheet, width, height);
  const read = await reader.read(variant.thicken ? thickenInk(field) : field, 'line', signal);
  if (!read.ok) return read;
  return ok(read.value.map((line) => ({ box: mapBox(toSheet, line.box), words: line.words.map((word) => ({ ...word, box: mapBox(toSheet, word.box) })) })));
}

/** The same field found from both readings of a sheet is read and reported once. */
function distinctFields(fields: SheetField[]): SheetField[] {
  const kept: SheetField[] = [];
  for (const field of fields) if (!kept.some((other) => containment(other.box, field.box) > 0.5)) kept.push(field);
  return kept;
}

function toImageLine(line: ReadLine, toImage: Homography, region: number): OcrLine {
  return {
    region,
    box: mapBox(toImage, line.box),
    words: line.words.map((word) => ({ ...word, box: mapBox(toImage, word.box) })),
  };
}

const rectangle = (width: number, height: number): Quad => [
  { x: 0, y: 0 },
  { x: width, y: 0 },
  { x: width, y: height },
  { x: 0, y: height },
];

const boxCorners = (box: Box): Quad => [
  { x: box.x, y: box.y },
  { x: box.x + box.width, y: box.y },
  { x: box.x + box.width, y: box.y + box.height },
  { x: box.x, y: box.y + box.height },
];

const distance = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);
