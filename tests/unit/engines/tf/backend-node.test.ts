import * as tf from '../../../../lib/engines/tf/tf';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initTfNode, nodeWasmDir } from '../../../../lib/engines/tf/backend-node';

describe('initTfNode', () => {
  it('finds the wasm binaries in node_modules', () => {
    expect(existsSync(join(nodeWasmDir(), 'tfjs-backend-wasm-simd.wasm'))).toBe(true);
  });

  it('puts tfjs on the single-threaded wasm backend, once however often it is called', async () => {
    const listeners = process.listeners('uncaughtException').length;
    await Promise.all([initTfNode(), initTfNode()]);
    await initTfNode();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
    // The wasm glue's own process handlers are removed (they would print its minified source on any crash).
    expect(process.listeners('uncaughtException')).toHaveLength(listeners);
    const squared = tf.square(tf.tensor1d([2, 3]));
    expect(await squared.array()).toEqual([4, 9]);
    squared.dispose();
  });
});
