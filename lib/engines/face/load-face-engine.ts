import * as tf from '../tf/tf';
import { abortError, checkpoints, nextTask } from '../../deadlines';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../../errors';
import type { DecodedImage } from '../image/types';
import { loadGraphModel } from '../tf/model-files-io';
import { extractChips } from './aligned-chips';
import { inBatches } from './in-batches';
import { BLAZEFACE_INPUT_SIZE } from './blazeface-decode';
import type { DescriptorModel, LoadedDescriptorModel } from './descriptor-model';
import { detectFaces } from './detect-faces';
import { DEFAULT_FACE_ENGINE_CONFIG, type FaceEngineConfig } from './face-engine-config';
import { locateLandmarks, MESH_INPUT_SIZE, type AlignmentLandmarks } from './face-landmarks';
import { FACE_MODEL_PATHS } from './face-models';
import { DLIB_DESCRIPTOR } from './face-recognition-net';
import { fitSimilarity } from './similarity-transform';
import type { DescribedFace, DetectedFace, FaceAnalysis, FaceEngine, ModelFiles } from './types';

interface VerifiedFace {
  face: DetectedFace;
  landmarks: AlignmentLandmarks;
}

/** BlazeFace candidates, split by whether the face mesh model agrees each is a face. */
async function findFaces(
  detector: tf.GraphModel,
  mesh: tf.GraphModel,
  pixels: tf.Tensor4D,
  config: FaceEngineConfig,
  checkpoint: () => Promise<void>,
): Promise<{ confirmed: VerifiedFace[]; unconfirmed: DetectedFace[] }> {
  const candidates = await detectFaces(detector, pixels, config, checkpoint);
  const landmarks = await locateLandmarks(mesh, pixels, candidates, config.minFacePresence, config.modelBatch, checkpoint);
  const found = candidates.map((face, i) => ({ face, landmarks: landmarks[i]! }));
  return {
    confirmed: found.filter((candidate) => candidate.landmarks.presence >= config.minFacePresence),
    unconfirmed: found.filter((candidate) => candidate.landmarks.presence < config.minFacePresence).map((candidate) => candidate.face),
  };
}

/** A unit descriptor for each face large enough to describe reliably, null for the others. */
async function describeFaces(
  model: DescriptorModel,
  net: LoadedDescriptorModel,
  pixels: tf.Tensor4D,
  faces: readonly VerifiedFace[],
  config: FaceEngineConfig,
  checkpoint: () => Promise<void>,
): Promise<(Float32Array | null)[]> {
  const describable = faces.filter(({ face }) => Math.max(face.box.width, face.box.height) >= config.minDescribeFacePx);
  if (describable.length === 0) return faces.map(() => null);
  const descriptors = await inBatches(describable, config.modelBatch, checkpoint, async (batch) => {
    const rows = tf.tidy(() => {
      const chips = extractChips(
        pixels,
        batch.map(({ landmarks }) => fitSimilarity(model.chipPoints, landmarks.points)),
        model.chipSize,
      );
      if (!config.mirrorAverage) return net.toUnit(net.describe(chips));
      // Rows i and n+i describe a face and its mirror image.
      const [face, mirror] = tf.split(net.describe(tf.concat([chips, tf.reverse(chips, 2)])), 2);
      return net.toUnit(tf.div(tf.add(face!, mirror!), 2));
    });
    const values = (await rows.data()) as Float32Array;
    rows.dispose();
    const size = values.length / batch.length;
    return batch.map((_, i) => values.slice(i * size, (i + 1) * size));
  });
  const byFace = new Map(describable.map((found, i) => [found, descriptors[i]!]));
  return faces.map((found) => byFace.get(found) ?? null);
}

export const faceLoadError = (detail: string): CheckError =>
  checkError(
    'engine_load_failed',
    `Checkpost's face models could not be loaded (${detail}), so posts with photos are on hold. Reinstall or update Checkpost; if it keeps happening, tell whoever looks after it at your school.`,
  );

/**
 * Loads the packaged face models (tfjs must already run on its backend: initTfNode() in Node) and returns an
 * engine that finds every face in a photo (BlazeFace over tiles, confirmed by the face mesh model) and describes
 * each one large enough (mesh landmarks align the face onto the descriptor model's chip, by default dlib's ResNet).
 */
export async function loadFaceEngine(
  files: ModelFiles,
  options: Partial<FaceEngineConfig> = {},
  descriptor: DescriptorModel = DLIB_DESCRIPTOR,
): Promise<Result<FaceEngine, CheckError>> {
  const config: FaceEngineConfig = { ...DEFAULT_FACE_ENGINE_CONFIG, ...options };
  let models: [tf.GraphModel, tf.GraphModel, LoadedDescriptorModel];
  try {
    models = await Promise.all([loadGraphModel(files, FACE_MODEL_PATHS.detector), loadGraphModel(files, FACE_MODEL_PATHS.mesh), descriptor.load(files)]);
    const [detector, mesh, net] = models;
    // The first run of each model compiles kernels and allocates memory; pay that here, not on the first photo.
    // A turn of the event loop between runs lets the OCR worker's set-up messages through while they take a second.
    for (const warmUp of [
      () => detector.execute(tf.zeros([1, BLAZEFACE_INPUT_SIZE, BLAZEFACE_INPUT_SIZE, 3])),
      () => mesh.execute(tf.zeros([1, MESH_INPUT_SIZE, MESH_INPUT_SIZE, 3])),
      () => net.describe(tf.zeros([1, descriptor.chipSize, descriptor.chipSize, 3])),
    ]) {
      await nextTask();
      // Returning nothing: tidy would keep a returned output.
      tf.tidy(() => {
        warmUp();
      });
    }
  } catch (thrown) {
    return err(faceLoadError(describeThrown(thrown)));
  }
  const [detector, mesh, net] = models;

  /** Stops between model runs once the check is stopped: a photo past its deadline frees the engine for the next. */
  const analyse = async (image: DecodedImage, checkpoint: () => Promise<void>, describe: boolean): Promise<FaceAnalysis> => {
    const pixels = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'float32');
    try {
      const detectStart = performance.now();
      const { confirmed, unconfirmed } = await findFaces(detector, mesh, pixels, config, checkpoint);
      const describeStart = performance.now();
      const descriptors = describe ? await describeFaces(descriptor, net, pixels, confirmed, config, checkpoint) : [];
      const faces: DescribedFace[] = confirmed.map(({ face }, i) => ({ ...face, descriptor: descriptors[i] ?? null }));
      return { faces, possibleFaces: unconfirmed, detectMs: describeStart - detectStart, describeMs: performance.now() - describeStart };
    } finally {
      pixels.dispose();
    }
  };

  return ok({
    modelId: config.mirrorAverage ? `${descriptor.id}+mirror` : descriptor.id,
    async analyse(image, signal, { describe = true } = {}) {
      try {
        return ok(await analyse(image, checkpoints(signal), describe));
      } catch (thrown) {
        if (signal.aborted) return err(abortError(signal));
        return err(checkError('engine_failed', `The face check failed (${describeThrown(thrown)}), so the post was held. Try again.`));
      }
    },
    dispose() {
      detector.dispose();
      mesh.dispose();
      net.dispose();
    },
  });
}
