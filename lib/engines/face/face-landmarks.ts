import { inBatches } from './in-batches';
import * as tf from '../tf/tf';
import type { Point } from '../../geometry';
import { extractChips } from './aligned-chips';
import { applySimilarity, type Similarity } from './similarity-transform';
import type { DetectedFace } from './types';

/** Side of the square input of the MediaPipe face mesh model. */
export const MESH_INPUT_SIZE = 192;
/**
 * The mesh model expects the face with a margin: crops this many times the detector box. The first suits most
 * faces; the second, tighter one is used when the first does not find a face: it rescues faces whose detector box
 * is off-centre (e.g. near-profile), as for one labelled face in the corpus (presence 0.2 in the wide crop, 0.96 in the tight one).
 */
const MESH_CROP_SCALES = [1.5, 1.2] as const;
const MESH_POINTS = 468;
// Mesh indices of the eye contours (the person's right eye shows on the left of the photo), the nose tip and the inner lips.
const RIGHT_EYE = [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246];
const LEFT_EYE = [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466];
const NOSE_TIP = [1];
const MOUTH_CENTRE = [13, 14];

/** Where a face's features are, for aligning it before description. */
export interface AlignmentLandmarks {
  /** Right eye (on the left of the photo), left eye, nose tip, mouth centre: photo pixels. */
  points: [Point, Point, Point, Point];
  /** The mesh model's confidence that the crop holds a face, 0-1. */
  presence: number;
}

/** Crop for the mesh model: centred on the detector box, upright by the detector's eye keypoints. */
function meshCrop(face: DetectedFace, cropScale: number): Similarity {
  const [rightEye, leftEye] = face.landmarks;
  const angle = rightEye && leftEye ? Math.atan2(leftEye.y - rightEye.y, leftEye.x - rightEye.x) : 0;
  const scale = (Math.max(face.box.width, face.box.height) * cropScale) / MESH_INPUT_SIZE;
  const a = scale * Math.cos(angle),
    b = scale * Math.sin(angle);
  const half = MESH_INPUT_SIZE / 2;
  const cx = face.box.x + face.box.width / 2,
    cy = face.box.y + face.box.height / 2;
  return { a, b, tx: cx - (a * half - b * half), ty: cy - (b * half + a * half) };
}

function mean(points: readonly Point[], indices: readonly number[]): Point {
  let x = 0,
    y = 0;
  for (const i of indices) {
    x += points[i]!.x / indices.length;
    y += points[i]!.y / indices.length;
  }
  return { x, y };
}

/** Runs the mesh model on one crop per face and maps its points back to the photo. */
async function meshOnce(model: tf.GraphModel, pixels: tf.Tensor4D, crops: readonly Similarity[]): Promise<AlignmentLandmarks[]> {
  const [mesh, presence] = tf.tidy(() => {
    const chips = extractChips(pixels, crops, MESH_INPUT_SIZE);
    const outputs = model.execute(tf.div(chips, 255)) as tf.Tensor[];
    const find = (size: number): tf.Tensor => {
      const found = outputs.find((t) => t.shape[t.shape.length - 1] === size);
      if (!found) throw new Error('Face mesh output missing: not the MediaPipe face mesh model');
      return found;
    };
    return [find(MESH_POINTS * 3), find(1)] as const;
  });
  try {
    const [meshValues, presenceValues] = await Promise.all([mesh.data(), presence.data()]);
    return crops.map((crop, c) => {
      const at = c * MESH_POINTS * 3;
      const points = Array.from({ length: MESH_POINTS }, (_, i) => applySimilarity(crop, { x: meshValues[at + i * 3]!, y: meshValues[at + i * 3 + 1]! }));
      return {
        points: [mean(points, RIGHT_EYE), mean(points, LEFT_EYE), mean(points, NOSE_TIP), mean(points, MOUTH_CENTRE)],
        presence: presenceValues[c] ?? 0,
      };
    });
  } finally {
    tf.dispose([mesh, presence]);
  }
}

/**
 * Refines each detected face's eyes, nose and mouth with the MediaPipe face mesh: the wide crop for every face
 * a few at a time, then the tight crop only for faces the wide one did not confirm (`minPresence`), keeping the
 * more confident of the two.
 */
export async function locateLandmarks(
  model: tf.GraphModel,
  pixels: tf.Tensor4D,
  faces: readonly DetectedFace[],
  minPresence: number,
  batchSize: number,
  checkpoint: () => Promise<void>,
): Promise<AlignmentLandmarks[]> {
  if (faces.length === 0) return [];
  const [wide, tight] = MESH_CROP_SCALES;
  const mesh = (crops: readonly Similarity[]) => inBatches(crops, batchSize, checkpoint, (batch) => meshOnce(model, pixels, batch));
  const results = await mesh(faces.map((face) => meshCrop(face, wide)));
  const unconfirmed = faces.flatMap((face, i) => (results[i]!.presence < minPresence ? [i] : []));
  if (unconfirmed.length === 0) return results;
  const retried = await mesh(unconfirmed.map((i) => meshCrop(faces[i]!, tight)));
  unconfirmed.forEach((i, r) => {
    if (retried[r]!.presence > results[i]!.presence) results[i] = retried[r]!;
  });
  return results;
}
