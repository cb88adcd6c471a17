/**
 * Descriptor models compared by the scale benchmark (tests/bench/faces-scale.ts). Today's engine is always measured;
 * candidates are measured when CHECKPOST_SCALE_MODELS names them ("all" for every one). Candidate weights are read
 * from node_modules by the benchmark only: a model the extension uses is listed in models/manifest.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DescriptorModel } from '../../lib/engines/face/descriptor-model';
import type { FaceEngineConfig } from '../../lib/engines/face/face-engine-config';
import { DLIB_DESCRIPTOR } from '../../lib/engines/face/face-recognition-net';
import { nodeModelFiles } from '../../lib/engines/face/model-files-node';
import type { ModelFiles } from '../../lib/engines/face/types';
import { MATCH_THRESHOLDS, type MatchThresholds } from '../../lib/pipeline/match-thresholds';

export interface DescriptorVariant {
  id: string;
  label: string;
  descriptor: DescriptorModel;
  engineOptions: Partial<FaceEngineConfig>;
  /** The thresholds the pipeline uses with this model, if it is in use. */
  thresholds?: MatchThresholds;
}

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

const TODAY: DescriptorVariant = { id: 'dlib', label: 'dlib (today)', descriptor: DLIB_DESCRIPTOR, engineOptions: {}, thresholds: MATCH_THRESHOLDS };

const CANDIDATES: DescriptorVariant[] = [];

export function descriptorVariants(wanted: string | undefined): DescriptorVariant[] {
  const ids = (wanted ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const chosen = ids.includes('all') ? CANDIDATES : CANDIDATES.filter((c) => ids.includes(c.id));
  return [...(ids.length > 0 && !ids.includes('dlib') && !ids.includes('all') ? [] : [TODAY]), ...chosen];
}
