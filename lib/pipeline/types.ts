import type { CheckError } from '../errors';
import type { PhotoMetadata } from '../engines/image/exif';
import type { OcrImageResult } from '../engines/ocr/types';
import type { Purpose } from '../roster/types';
import type { NameIssue } from '../text/name-issues';
import type { TextAnalysis, TextSpan } from '../text/types';
import type { Box, Point } from '../geometry';

export type { Box, Point, Purpose };

export type Platform = 'x' | 'facebook';

export interface PostImage {
  /** Stable id for the attachment (e.g. its hash or the composer's media id). */
  id: string;
  /** File name shown to staff. */
  name: string;
  /** The file exactly as attached. */
  bytes: Uint8Array;
}

export interface Post {
  platform: Platform;
  text: string;
  images: PostImage[];
  /** Where it is published, when not the platform's social media: the school website or print (the CLI's --purpose). */
  purpose?: Purpose;
}

/** Who a detected face is, as far as the roster can tell. */
export type FaceIdentity =
  | { kind: 'match'; personId: string; similarity: number }
  | { kind: 'unknown'; bestSimilarity: number }
  /** Too small, blurred or borderline to identify: a person must look. */
  | { kind: 'uncertain'; reason: 'too_small' | 'low_confidence' | 'turned'; candidateId?: string; similarity?: number }
  /** Face matching is off (no DPIA recorded): nobody is recognised, and staff check each face by hand. */
  | { kind: 'not_matched' };

/** A face as the engine found it, in pixels of the photo as attached. Knows nothing of the roster. */
export interface AnalysedFace {
  box: Box;
  /** Detector confidence in [0, 1]. */
  score: number;
  landmarks: Point[];
  /** Unit-length descriptor (of `ImageAnalysis.descriptorModel`), or null when the face is too small to describe or faces were not described. */
  descriptor: Float32Array | null;
}

/** A face and who it is: found at analysis, identified against the roster at judge time. */
export interface FaceResult extends Omit<AnalysedFace, 'descriptor'> {
  identity: FaceIdentity;
}

export interface ImageTimings {
  decodeMs: number;
  detectMs: number;
  describeMs: number;
  /** Reading the text in the photo; absent when OCR did not run. */
  ocrMs?: number;
}

/** What one photo shows, found once and cacheable by the photo's hash: it does not depend on the roster. */
export interface ImageAnalysis {
  imageIndex: number;
  name: string;
  /** Size of the image as attached (boxes are in these pixels). */
  width: number;
  height: number;
  faces: AnalysedFace[];
  /** Detections the face mesh model could not confirm as faces (see FaceAnalysis.possibleFaces). */
  possibleFaces: Box[];
  /**
   * The descriptor model the faces were described with (templates of another model are never compared), or null
   * when they were not described because face matching is off for the roster in use.
   */
  descriptorModel: string | null;
  /** Text read in the photo, boxes in the same pixels as faces' (the pipeline scales them). Never optional: a photo is not half-checked. */
  ocr: OcrImageResult;
  /** Location and camera from the photo's EXIF (nulls inside when the photo has none). */
  exif: PhotoMetadata;
  timings: ImageTimings;
}

/** Everything the analysers found in a post; analysers run once per photo, whatever the roster. */
export interface Analysis {
  post: Pick<Post, 'platform' | 'text'>;
  purpose: Purpose;
  images: ImageAnalysis[];
  /** What the post's words say (personal data, tone, offensive language). */
  text: TextAnalysis;
  /** Images or analysers that could not run: the post cannot be cleared while any remain. */
  errors: CheckError[];
}

/** One photo's facts: its faces identified against the roster and the pupils' names read on it. */
export interface ImageFacts extends Omit<ImageAnalysis, 'faces'> {
  faces: FaceResult[];
  /** Pupils' names legible in the photo that the name policy does not allow. */
  names: NameIssue[];
  /** Name fields with writing that could be neither read as a name nor read clearly: a person must look. */
  unreadableNameFields: Box[];
  /** Possible faces the text read in the photo does not explain: a person must look. */
  possibleFaces: Box[];
}

/**
 * The finished facts the rules judge: the analysis with every face identified and every pupil's
 * name matched, at judge time, against the roster in use. Rules run no analyser and no matcher.
 */
export interface Facts extends Omit<Analysis, 'images'> {
  images: ImageFacts[];
  /** Pupils' names in the post's words that the name policy does not allow. */
  textNames: NameIssue[];
}

export type Severity = 'block' | 'warn';

export interface Evidence {
  imageIndex: number;
  box?: Box;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Plain-language message for staff, naming what was found and what to do. */
  message: string;
  evidence: Evidence[];
  /** Words of the post's text the finding is about, for highlighting. */
  textSpans?: TextSpan[];
  /** The roster person the finding is about, if any (never shown for unknown faces). */
  personId?: string;
}

export type VerdictStatus = 'pass' | 'warn' | 'block' | 'cannot_check';

export interface Verdict {
  status: VerdictStatus;
  findings: Finding[];
  errors: CheckError[];
}
