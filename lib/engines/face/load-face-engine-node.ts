import { describeThrown, err, type CheckError, type Result } from '../../errors';
import { initTfNode } from '../tf/backend-node';
import type { FaceEngineConfig } from './face-engine-config';
import { faceLoadError, loadFaceEngine } from './load-face-engine';
import { nodeModelFiles } from './model-files-node';
import type { FaceEngine } from './types';

/** The face engine in Node: tfjs on the wasm backend, models read from node_modules. */
export async function loadFaceEngineNode(options: Partial<FaceEngineConfig> = {}): Promise<Result<FaceEngine, CheckError>> {
  try {
    await initTfNode();
  } catch (thrown) {
    return err(faceLoadError(describeThrown(thrown)));
  }
  return loadFaceEngine(nodeModelFiles(), options);
}
