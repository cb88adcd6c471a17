import { describeThrown, err, type CheckError, type Result } from '../../errors';
import { initTfNode } from '../tf/backend-node';
import type { DescriptorModel } from './descriptor-model';
import type { FaceEngineConfig } from './face-engine-config';
import { faceLoadError, loadFaceEngine } from './load-face-engine';
import { nodeModelFiles } from './model-files-node';
import type { FaceEngine, ModelFiles } from './types';

/** The face engine in Node: tfjs on the wasm backend, models read from node_modules. */
export async function loadFaceEngineNode(
  options: Partial<FaceEngineConfig> = {},
  descriptor?: DescriptorModel,
  files: ModelFiles = nodeModelFiles(),
): Promise<Result<FaceEngine, CheckError>> {
  try {
    await initTfNode();
  } catch (thrown) {
    return err(faceLoadError(describeThrown(thrown)));
  }
  return loadFaceEngine(files, options, descriptor);
}
