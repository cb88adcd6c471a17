import type { PackagedUrl } from '../../models/manifest';
import { lazyAnalysers, type Analysers } from './analysers';
import { loadFaceEngine } from './face/load-face-engine';
import { extensionModelFiles } from './face/model-files-browser';
import { decodeImageBrowser } from './image/decode-browser';
import { createOcrEngine } from './ocr/create-ocr-engine';
import { browserOcrPaths } from './ocr/paths-browser';
import { initTfBrowser } from './tf/backend-browser';

/**
 * The analysers in the extension's offscreen document: the packaged face models on tfjs's wasm
 * backend and one tesseract.js worker, read from the extension's own files (`url` says where they are).
 */
export const browserAnalysers = (url: PackagedUrl): Analysers =>
  lazyAnalysers({
    decode: decodeImageBrowser,
    async loadFaces() {
      const backend = await initTfBrowser(url);
      return backend.ok ? loadFaceEngine(extensionModelFiles(url)) : backend;
    },
    loadOcr: async () => createOcrEngine(await browserOcrPaths(url)),
  });
