import * as tf from '../tf/tf';
import { BLAZEFACE_INPUT_SIZE, BLAZEFACE_VALUES_PER_ANCHOR, decodeBlazeFace } from './blazeface-decode';
import { planDetectionRegions, wholeImageRegion, type DetectionRegion } from './detection-regions';
import type { FaceEngineConfig } from './face-engine-config';
import { suppressDuplicates } from './suppress-duplicates';
import type { DetectedFace } from './types';

/** The model's four outputs, told apart by shape: [1, 512 | 384, 16 | 1]. */
function splitOutputs(outputs: tf.Tensor[]): { regressors: tf.Tensor; logits: tf.Tensor } {
  const find = (rows: number, columns: number): tf.Tensor => {
    const found = outputs.find((t) => t.shape[1] === rows && t.shape[2] === columns);
    if (!found) throw new Error(`BlazeFace output [1, ${rows}, ${columns}] missing: not the BlazeFace back model`);
    return found;
  };
  return {
    regressors: tf.concat([find(512, BLAZEFACE_VALUES_PER_ANCHOR), find(384, BLAZEFACE_VALUES_PER_ANCHOR)], 1),
    logits: tf.concat([find(512, 1), find(384, 1)], 1),
  };
}

/** Runs BlazeFace on one square region of the photo; results in photo pixels. */
async function detectInRegion(model: tf.GraphModel, pixels: tf.Tensor4D, { box: region, minFaceSide, maxFaceSide }: DetectionRegion, minScore: number): Promise<DetectedFace[]> {
  const [, height = 1, width = 1] = pixels.shape;
  const { regressors, logits } = tf.tidy(() => {
    const box = [[region.y / (height - 1), region.x / (width - 1), (region.y + region.height) / (height - 1), (region.x + region.width) / (width - 1)]];
    const crop = tf.image.cropAndResize(pixels, box, [0], [BLAZEFACE_INPUT_SIZE, BLAZEFACE_INPUT_SIZE]);
    return splitOutputs(model.execute(tf.sub(tf.div(crop, 127.5), 1)) as tf.Tensor[]);
  });
  try {
    const [regressorValues, logitValues] = await Promise.all([regressors.data(), logits.data()]);
    const scale = region.width / BLAZEFACE_INPUT_SIZE;
    const toPhoto = (x: number, y: number) => ({ x: region.x + x * scale, y: region.y + y * scale });
    return decodeBlazeFace(regressorValues, logitValues, minScore)
      .filter(({ box }) => {
        const side = Math.max(box.width, box.height) * scale;
        return side >= minFaceSide && side <= maxFaceSide;
      })
      .map(({ box, score, keypoints }) => ({
        box: { ...toPhoto(box.x, box.y), width: box.width * scale, height: box.height * scale },
        score,
        landmarks: keypoints.map((p) => toPhoto(p.x, p.y)),
      }));
  } finally {
    tf.dispose([regressors, logits]);
  }
}

async function detectInRegions(
  model: tf.GraphModel,
  pixels: tf.Tensor4D,
  regions: DetectionRegion[],
  config: FaceEngineConfig,
  checkpoint: () => Promise<void>,
): Promise<DetectedFace[]> {
  const found: DetectedFace[] = [];
  for (const region of regions) {
    await checkpoint();
    found.push(...(await detectInRegion(model, pixels, region, config.minDetectionScore)));
  }
  return suppressDuplicates(found, config.duplicateIou, config.duplicateContainment);
}

/**
 * Finds every face in a photo ([1, height, width, 3], 0-255) with the BlazeFace back model: whole photo plus tiles
 * (see planDetectionRegions), awaiting the checkpoint between regions. When nothing is found, tries once more with a border around the photo: a face that
 * fills the frame, like a tight ID crop, is larger than anything the model was trained to find.
 */
export async function detectFaces(model: tf.GraphModel, pixels: tf.Tensor4D, config: FaceEngineConfig, checkpoint: () => Promise<void>): Promise<DetectedFace[]> {
  const [, height = 0, width = 0] = pixels.shape;
  const faces = await detectInRegions(model, pixels, planDetectionRegions(width, height, config), config, checkpoint);
  if (faces.length > 0) return faces;
  return detectInRegions(model, pixels, [wholeImageRegion(width, height, config.retryBorder)], config, checkpoint);
}
