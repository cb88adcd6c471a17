/**
 * Every tunable of the face engine, with the defaults measured on the development corpus
 * (tests/bench/faces.ts reports the figures; the README records the decision).
 */
export interface FaceEngineConfig {
  /**
   * BlazeFace score a detection needs. 0.5 found all 49 labelled group faces with no false detection once the
   * photo is tiled; 0.4 adds mislocalised duplicates, 0.7 loses small faces.
   */
  minDetectionScore: number;
  /** Overlap (intersection over union) above which two detections are one face. */
  duplicateIou: number;
  /** Share of the smaller box lying inside a larger, better-scored one above which it is a duplicate (BlazeFace also fires on part of a big face). */
  duplicateContainment: number;
  /** Smallest face looked for, as a share of the photo's long side (1/40: a 40 px face in a 1600 px photo). */
  minFaceShare: number;
  /** ...and never smaller than this many decoded pixels, whatever the photo's size. */
  minFacePx: number;
  /**
   * Face width (pixels of the 256 px detector input) that BlazeFace still finds reliably at minDetectionScore;
   * tiles are sized so the smallest face looked for is at least this wide. Measured: 14-16 px found 100 %, 10-12 px 86 %.
   */
  detectorMinFacePx: number;
  /**
   * The face mesh model's confidence that a detection is a face, below which the detection is dropped. On the
   * corpus every false detection (certificate artwork, a logo letter) scored 0.23 or less, every labelled face 0.72 or more.
   */
  minFacePresence: number;
  /** Border, as a share of the photo's long side on each side, added when nothing is found (tight face crops such as ID photos). */
  retryBorder: number;
  /**
   * Faces smaller than this (detector box side, decoded pixels) get no descriptor and are shown to staff.
   * Identity probes shrunk to 32-40 px gave impostor similarities up to 0.959, close to the accept threshold;
   * from 48 px up they stayed at or below 0.95, and 91 % of genuine probes were still accepted.
   */
  minDescribeFacePx: number;
  /**
   * Average each descriptor with that of the mirrored face. On the corpus it raised the probes accepted at a
   * threshold one impostor sd above the highest impostor from 0.79 to 0.91, for about 1.7 times the description
   * time (the dlib network runs on twice the chips).
   */
  mirrorAverage: boolean;
  /**
   * Faces per pass of the mesh and recognition networks: bounds their working memory, not their speed. Measured in the
   * extension after 20 photos: 500 MB with whole photos per pass, 406 MB with 2 faces, 390 MB with 1, same speed.
   */
  modelBatch: number;
}

export const DEFAULT_FACE_ENGINE_CONFIG: Readonly<FaceEngineConfig> = {
  minDetectionScore: 0.5,
  duplicateIou: 0.3,
  duplicateContainment: 0.6,
  minFaceShare: 1 / 40,
  minFacePx: 24,
  detectorMinFacePx: 12,
  minFacePresence: 0.5,
  retryBorder: 0.5,
  minDescribeFacePx: 48,
  mirrorAverage: true,
  modelBatch: 1,
};
