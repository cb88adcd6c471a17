import type { CheckError, Result } from '../../errors';
import type { Box, Point } from '../../geometry';
import type { DecodedImage } from '../image/types';

/** A face found by the detector, in pixels of the decoded image. */
export interface DetectedFace {
  box: Box;
  /** Detector confidence in [0, 1]. */
  score: number;
  /** Detector keypoints (eyes, nose, mouth, ears for BlazeFace). */
  landmarks: Point[];
}

export interface DescribedFace extends DetectedFace {
  /** Unit-length face descriptor, or null when the face is too small to describe reliably or was not to be described. */
  descriptor: Float32Array | null;
}

export interface FaceAnalysis {
  faces: DescribedFace[];
  /**
   * Detections the face mesh model could not confirm as faces (turned, cut by the frame, partly hidden, or
   * not a face at all: certificate artwork, a logo's letters). Never described or identified; the pipeline
   * shows those not explained by text it read as "possible face".
   */
  possibleFaces: DetectedFace[];
  detectMs: number;
  describeMs: number;
}

/** Reads packaged model files by path relative to the models root (Node: node_modules; extension: runtime URL). */
export interface ModelFiles {
  read(path: string): Promise<Uint8Array>;
}

export interface FaceEngine {
  /** Identifies the descriptor model; templates made by another model are never compared. */
  readonly modelId: string;
  /**
   * Finds every face in the image and, when `describe` (the default), describes each one; stops, with the signal's
   * error, once it aborts. Without `describe` no descriptor is computed: that is biometric processing, lawful only
   * once the school has recorded its DPIA and notice to parents.
   */
  analyse(image: DecodedImage, signal: AbortSignal, options?: { describe?: boolean }): Promise<Result<FaceAnalysis, CheckError>>;
  /** Frees every tensor and model the engine holds. */
  dispose(): void;
}
