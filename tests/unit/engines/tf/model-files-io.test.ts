import * as tf from '../../../../lib/engines/tf/tf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelFiles } from '../../../../lib/engines/face/types';
import { initTfNode } from '../../../../lib/engines/tf/backend-node';
import { loadWeightMap, modelFilesHandler } from '../../../../lib/engines/tf/model-files-io';

/** Files held in memory, recording what was read. */
function memoryFiles(files: Record<string, Uint8Array>): ModelFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: async (path) => {
      reads.push(path);
      const bytes = files[path];
      if (!bytes) throw new Error(`no ${path}`);
      return bytes;
    },
  };
}

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

describe('model files as a tfjs IOHandler', () => {
  beforeAll(initTfNode);

  it('loads a weight manifest whose weights span two shards, relative to its folder', async () => {
    const { data, specs } = await tf.io.encodeWeights({ a: tf.tensor1d([1, 2, 3]), b: tf.tensor2d([[4, 5]]) });
    const bytes = new Uint8Array(data as ArrayBuffer);
    const files = memoryFiles({
      'pkg/net-weights_manifest.json': json([{ paths: ['net-shard1', 'net-shard2'], weights: specs }]),
      'pkg/net-shard1': bytes.slice(0, 7),
      'pkg/net-shard2': bytes.slice(7),
    });
    const weights = await loadWeightMap(files, 'pkg/net-weights_manifest.json');
    expect(await weights.a!.array()).toEqual([1, 2, 3]);
    expect(await weights.b!.array()).toEqual([[4, 5]]);
    expect(files.reads).toEqual(['pkg/net-weights_manifest.json', 'pkg/net-shard1', 'pkg/net-shard2']);
    tf.dispose(Object.values(weights));
  });

  it('hands tfjs the topology, signature and concatenated weights of a model.json', async () => {
    const { data, specs } = await tf.io.encodeWeights({ w: tf.tensor1d([7, 8]) });
    const modelJson = {
      format: 'graph-model',
      generatedBy: 'test',
      convertedBy: 'test',
      modelTopology: { node: [] },
      signature: { inputs: {} },
      weightsManifest: [{ paths: ['m.bin'], weights: specs }],
    };
    const handler = modelFilesHandler(memoryFiles({ 'dir/m.json': json(modelJson), 'dir/m.bin': new Uint8Array(data as ArrayBuffer) }), 'dir/m.json');
    const artifacts = await handler.load!();
    expect(artifacts.modelTopology).toEqual({ node: [] });
    expect(artifacts.signature).toEqual({ inputs: {} });
    expect(artifacts.weightSpecs).toEqual(specs);
    expect(new Float32Array(artifacts.weightData as ArrayBuffer)).toEqual(Float32Array.from([7, 8]));
  });

  it('fails when a shard is missing', async () => {
    const files = memoryFiles({ 'x/manifest.json': json([{ paths: ['gone.bin'], weights: [] }]) });
    await expect(loadWeightMap(files, 'x/manifest.json')).rejects.toThrow(/gone.bin/);
  });
});
