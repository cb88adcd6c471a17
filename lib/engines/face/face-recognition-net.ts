import * as tf from '../tf/tf';
import { nextTask } from '../../deadlines';
import { loadWeightMap } from '../tf/model-files-io';
import type { DescriptorModel } from './descriptor-model';
import { DESCRIPTOR_MODEL_ID, FACE_MODEL_PATHS } from './face-models';
import { toUnitDescriptors } from './unit-descriptor';

/** Side of the aligned face chip the network takes (dlib's 150 px chip with 25 % padding). */
export const RECOGNITION_CHIP_SIZE = 150;
/** Channel means of dlib's training chips, subtracted before scaling to [-0.5, 0.5]. */
const MEAN_RGB = [122.782, 117.001, 104.298];

interface ConvLayer {
  filter: tf.Tensor4D;
  bias: tf.Tensor1D;
}

/**
 * face-api's port of dlib's face recognition ResNet (29 conv layers, 128-D output), built from its weight map.
 * Each conv is followed by a per-channel scale layer; both are folded into one fused conv at load time.
 */
export interface FaceRecognitionNet {
  /** chips: [n, 150, 150, 3], 0-255, aligned like dlib's face chips. Returns [n, 128] raw descriptors. */
  describe(chips: tf.Tensor4D): tf.Tensor2D;
  dispose(): void;
}

function foldConv(weights: tf.NamedTensorMap, prefix: string): ConvLayer {
  const get = (name: string): tf.Tensor => {
    const tensor = weights[`${prefix}/${name}`];
    if (!tensor) throw new Error(`Face recognition weights lack ${prefix}/${name}`);
    return tensor;
  };
  return tf.tidy(() => {
    const scale = get('scale/weights');
    return {
      filter: tf.mul(get('conv/filters'), scale) as tf.Tensor4D,
      bias: tf.add(tf.mul(get('conv/bias'), scale), get('scale/biases')) as tf.Tensor1D,
    };
  });
}

const RESIDUAL_BLOCKS: readonly { name: string; down: boolean }[] = [
  ...['conv32_1', 'conv32_2', 'conv32_3'].map((name) => ({ name, down: false })),
  { name: 'conv64_down', down: true },
  ...['conv64_1', 'conv64_2', 'conv64_3'].map((name) => ({ name, down: false })),
  { name: 'conv128_down', down: true },
  ...['conv128_1', 'conv128_2'].map((name) => ({ name, down: false })),
  { name: 'conv256_down', down: true },
  ...['conv256_1', 'conv256_2'].map((name) => ({ name, down: false })),
  { name: 'conv256_down_out', down: true },
];

export function createFaceRecognitionNet(weights: tf.NamedTensorMap): FaceRecognitionNet {
  const stem = foldConv(weights, 'conv32_down');
  const blocks = RESIDUAL_BLOCKS.map(({ name, down }) => ({ down, first: foldConv(weights, `${name}/conv1`), second: foldConv(weights, `${name}/conv2`) }));
  const fc = weights.fc;
  if (!fc) throw new Error('Face recognition weights lack fc');
  const fcWeights = tf.clone(fc) as tf.Tensor2D;
  const mean = tf.tensor1d(MEAN_RGB);
  tf.dispose(Object.values(weights));

  const conv = (x: tf.Tensor4D, layer: ConvLayer, stride: 1 | 2, relu: boolean, pad: 'same' | 'valid'): tf.Tensor4D =>
    tf.fused.conv2d({ x, filter: layer.filter, strides: stride, pad, bias: layer.bias, activation: relu ? 'relu' : 'linear' });

  const residual = (x: tf.Tensor4D, block: (typeof blocks)[number]): tf.Tensor4D => {
    if (!block.down) return tf.relu(tf.add(conv(conv(x, block.first, 1, true, 'same'), block.second, 1, false, 'same'), x)) as tf.Tensor4D;
    let out = conv(conv(x, block.first, 2, true, 'valid'), block.second, 1, false, 'same');
    let shortcut = tf.avgPool(x, 2, 2, 'valid');
    // dlib pads the strided branch with a zero row and column when the pooled shortcut is one larger (odd sizes).
    if (shortcut.shape[1] !== out.shape[1])
      out = tf.pad(out, [
        [0, 0],
        [0, shortcut.shape[1] - out.shape[1]],
        [0, shortcut.shape[2] - out.shape[2]],
        [0, 0],
      ]);
    if (shortcut.shape[3] !== out.shape[3])
      shortcut = tf.pad(shortcut, [
        [0, 0],
        [0, 0],
        [0, 0],
        [0, out.shape[3] - shortcut.shape[3]],
      ]);
    return tf.relu(tf.add(shortcut, out)) as tf.Tensor4D;
  };

  return {
    describe: (chips) =>
      tf.tidy(() => {
        let x = tf.div(tf.sub(chips, mean), 255) as tf.Tensor4D;
        x = tf.maxPool(conv(x, stem, 2, true, 'valid'), 3, 2, 'valid');
        for (const block of blocks) x = residual(x, block);
        return tf.matMul(tf.mean(x, [1, 2]) as tf.Tensor2D, fcWeights);
      }),
    dispose: () => tf.dispose([stem.filter, stem.bias, ...blocks.flatMap((b) => [b.first.filter, b.first.bias, b.second.filter, b.second.bias]), fcWeights, mean]),
  };
}

/**
 * Where dlib's 150 px face chip (25 % padding) puts the right eye, left eye, nose tip and mouth centre:
 * dlib's mean face shape (get_face_chip_details) at those landmarks.
 */
const DLIB_CHIP_POINTS = [
  { x: 47.55, y: 46.6 },
  { x: 100.48, y: 46.6 },
  { x: 74.01, y: 76.56 },
  { x: 74.01, y: 105.86 },
] as const;

/** dlib's ResNet on mesh-aligned 150 px chips, its descriptors lifted onto the unit sphere (unit-descriptor.ts). */
export const DLIB_DESCRIPTOR: DescriptorModel = {
  id: DESCRIPTOR_MODEL_ID,
  chipSize: RECOGNITION_CHIP_SIZE,
  chipPoints: DLIB_CHIP_POINTS,
  async load(files) {
    const weights = await loadWeightMap(files, FACE_MODEL_PATHS.recognition);
    // Decoding the weights and folding them are long synchronous steps: messages queued meanwhile go first.
    await nextTask();
    const net = createFaceRecognitionNet(weights);
    return { describe: (chips) => net.describe(chips), toUnit: toUnitDescriptors, dispose: () => net.dispose() };
  },
};
