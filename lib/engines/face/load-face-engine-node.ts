import { initTfNode } from '../tf/backend-node';
import type { FaceEngineConfig } from './face-engine-config';
import { loadFaceEngine } from './load-face-engine';
import { nodeModelFiles } from './model-files-node';
import type { FaceEngine } from './types';

/** The face engine in Node: tfjs on the wasm backend, models read from node_modules. */
export async function loadFaceEngineNode(options: Partial<FaceEngineConfig> = {}): Promise<FaceEngine> {
  await initTfNode();
  return loadFaceEngine(nodeModelFiles(), options);
}
