import { OCR_BUILD_PATHS, type PackagedUrl } from '../../../models/manifest';
import type { OcrPaths } from './types';

/**
 * tesseract.js files packaged inside the extension (models/manifest.ts), as the extension's own
 * URLs. Every path is given: one left out would make tesseract.js fetch it from its CDN.
 */
export const browserOcrPaths = (url: PackagedUrl): OcrPaths => ({
  workerPath: url(OCR_BUILD_PATHS.worker),
  corePath: url(OCR_BUILD_PATHS.coreDir),
  langPath: url(OCR_BUILD_PATHS.langDir),
});
