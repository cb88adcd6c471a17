import { lazyAnalysers, type Analysers } from './analysers';
import { loadFaceEngineNode } from './face/load-face-engine-node';
import { decodeImageNode } from './image/decode-node';
import { createOcrEngine } from './ocr/create-ocr-engine';
import { nodeOcrPaths } from './ocr/paths-node';

/** The analysers in Node (the CLI, tests, the benchmark): sharp decoding, tfjs on wasm and tesseract, all from node_modules. */
export const nodeAnalysers = (): Analysers =>
  lazyAnalysers({
    decode: decodeImageNode,
    loadFaces: () => loadFaceEngineNode(),
    loadOcr: () => createOcrEngine(nodeOcrPaths()),
  });
