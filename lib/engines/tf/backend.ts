import * as tf from './tf';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

let initialised: Promise<void> | undefined;

/**
 * Puts tfjs on the single-threaded wasm backend, once per process or page; later calls share the first.
 * Threads are off: under the extension's CSP the threaded build needs blob: workers and `setBackend` hangs,
 * and Node uses the same build so timings measured in Node hold for the extension.
 * `wasmDir` is the folder holding the tfjs-backend-wasm*.wasm files, ending in '/'.
 */
export function initWasmBackend(wasmDir: string): Promise<void> {
  initialised ??= (async () => {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(wasmDir);
    if (!(await tf.setBackend('wasm'))) throw new Error(`The TensorFlow.js wasm backend did not start (wasm files looked for in ${wasmDir}).`);
    await tf.ready();
  })();
  return initialised;
}
