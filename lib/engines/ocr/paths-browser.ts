import { relaxedSimd, simd } from 'wasm-feature-detect';
import { OCR_BUILD_PATHS, type PackagedUrl } from '../../../models/manifest';
import type { OcrPaths } from './types';

/**
 * tesseract.js files packaged inside the extension (models/manifest.ts), as the extension's own
 * URLs. Every path is given: one left out would make tesseract.js fetch it from its CDN. Naming the
 * core's loader (not its folder) makes the worker stream the .wasm beside it instead of parsing a
 * build with the wasm inside as text; the variant is the best the browser's wasm supports.
 */
export async function browserOcrPaths(url: PackagedUrl): Promise<OcrPaths> {
  const variant = (await relaxedSimd()) ? 'relaxedsimd-lstm' : (await simd()) ? 'simd-lstm' : 'lstm';
  return {
    workerPath: url(OCR_BUILD_PATHS.worker),
    corePath: url(`${OCR_BUILD_PATHS.coreDir}/tesseract-core-${variant}.js`),
    langPath: url(OCR_BUILD_PATHS.langDir),
  };
}
