import * as tf from './tf';
import type { ModelFiles } from '../face/types';

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

async function readJson<T>(files: ModelFiles, path: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await files.read(path))) as T;
}

/** Reads every weight shard a manifest lists (shard paths are relative to the manifest's folder) as one buffer. */
async function readWeights(files: ModelFiles, folder: string, manifest: tf.io.WeightsManifestConfig): Promise<[tf.io.WeightsManifestEntry[], ArrayBuffer]> {
  const shards = await Promise.all(manifest.flatMap((group) => group.paths.map((shard) => files.read(folder + shard))));
  const joined = new Uint8Array(shards.reduce((sum, shard) => sum + shard.byteLength, 0));
  let offset = 0;
  for (const shard of shards) {
    joined.set(shard, offset);
    offset += shard.byteLength;
  }
  return [manifest.flatMap((group) => group.weights), joined.buffer];
}

/** A tfjs IOHandler for a converted model (model.json + weight shards) read through `files`. */
export function modelFilesHandler(files: ModelFiles, modelJsonPath: string): tf.io.IOHandler {
  return {
    load: async () => {
      const modelJson = await readJson<tf.io.ModelJSON>(files, modelJsonPath);
      return tf.io.getModelArtifactsForJSON(modelJson, (manifest) => readWeights(files, folderOf(modelJsonPath), manifest));
    },
  };
}

export function loadGraphModel(files: ModelFiles, modelJsonPath: string): Promise<tf.GraphModel> {
  return tf.loadGraphModel(modelFilesHandler(files, modelJsonPath));
}

/** Weights of a model whose graph is built in code (face-api style: a bare weights manifest, no topology). */
export async function loadWeightMap(files: ModelFiles, manifestPath: string): Promise<tf.NamedTensorMap> {
  const manifest = await readJson<tf.io.WeightsManifestConfig>(files, manifestPath);
  const [specs, data] = await readWeights(files, folderOf(manifestPath), manifest);
  return tf.io.decodeWeights(data, specs);
}
