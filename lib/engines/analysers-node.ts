import { lazyAnalysers, type Analysers } from './analysers';
import type { ImageDecoder } from './image/types';
import { nodeOcrPaths } from './ocr/paths-node';

// Imported on first use: tfjs, tesseract.js and sharp take most of a second to load, which a text-only check never needs.
const decode: ImageDecoder = async (bytes, fileName) => (await import('./image/decode-node')).decodeImageNode(bytes, fileName);

/** The analysers in Node (the CLI, tests, the benchmark): sharp decoding, tfjs on wasm and tesseract, all from node_modules. */
export const nodeAnalysers = (): Analysers =>
  lazyAnalysers({
    decode,
    loadFaces: async () => (await import('./face/load-face-engine-node')).loadFaceEngineNode(),
    loadOcr: async () => (await import('./ocr/create-ocr-engine')).createOcrEngine(nodeOcrPaths()),
  });
