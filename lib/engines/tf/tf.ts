/**
 * The parts of TensorFlow.js Checkpost runs: tensors and ops (core) and converted graph models (converter), on the
 * wasm backend. The @tensorflow/tfjs bundle adds layers, data and the cpu and webgl backends, none of which a check
 * uses, and loading them costs start-up time in the CLI and memory in the extension.
 */
export * from '@tensorflow/tfjs-core';
export { GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
