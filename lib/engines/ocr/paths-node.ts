import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OcrPaths } from './types';

/** tesseract.js files straight from node_modules: the CLI and tests read them on disk, never from a CDN. */
export function nodeOcrPaths(): OcrPaths {
  const require = createRequire(import.meta.url);
  const tesseractDir = dirname(require.resolve('tesseract.js/package.json'));
  return {
    workerPath: join(tesseractDir, 'src', 'worker-script', 'node', 'index.js'),
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    langPath: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
  };
}
