import type { CheckError, Result } from '../../errors';
import type { Box, Point } from '../../geometry';
import type { DecodedImage } from '../image/types';

/**
 * Where tesseract.js finds its files. Node passes file paths into node_modules
 * (see paths-node.ts); the extension passes runtime URLs of the packaged copies.
 */
export interface OcrPaths {
  /** The tesseract.js worker script. */
  workerPath: string;
  /** Directory holding the tesseract-core*.wasm.js builds (Node's tesseract.js loads its core from node_modules instead). */
  corePath: string;
  /** Directory holding eng.traineddata.gz. */
  langPath: string;
}

/** Tesseract's confidence (0..100) at which a word is taken as read as printed. */
export const CONFIDENT_READ = 80;

/** One word as read, in pixels of the decoded image the OCR was given (not the original file). */
export interface OcrWord {
  text: string;
  /** Tesseract's confidence, 0..100. */
  confidence: number;
  box: Box;
}

export interface OcrLine {
  words: OcrWord[];
  box: Box;
  /** Index into `OcrImageResult.regions` of the region the line was read in. */
  region: number;
  /**
   * Set on lines re-read from a name field: the line is what was written where a pupil's
   * name goes, which is evidence that a word like "Grace" there is a name.
   */
  nameField?: number;
}

export interface OcrRegion {
  kind: 'document' | 'photo';
  /** Corners clockwise from top-left, in decoded-image pixels. */
  corners: Point[];
}

/**
 * A place on a sheet where a pupil's name is written: after a "Name:" or "Pupil:" label,
 * or the line a certificate awards ("This award goes to", "presented to").
 */
export interface NameField {
  region: number;
  /** The words that mark the field, e.g. "Name:" or "awarded to". */
  cue: string;
  /** Where the name would be written, in decoded-image pixels. */
  box: Box;
  /** Something is written or printed there (not just a ruled line). */
  hasInk: boolean;
}

export interface OcrImageResult {
  /** Size of the decoded image every box refers to; the pipeline scales boxes to the original. */
  width: number;
  height: number;
  regions: OcrRegion[];
  lines: OcrLine[];
  nameFields: NameField[];
  /** Wall time of the whole read. */
  ms: number;
}

export interface OcrEngine {
  /** Reads every document and text region of a photo; stops, with the signal's error, once it aborts. */
  analyse(image: DecodedImage, signal: AbortSignal): Promise<Result<OcrImageResult, CheckError>>;
  /** Ends the worker; the engine cannot be used afterwards. */
  dispose(): Promise<void>;
}
