import { ok, type CheckError, type Result } from '../../errors';
import { readImage } from './read-image';
import { TesseractReader } from './tesseract-reader';
import type { OcrEngine, OcrPaths } from './types';

/**
 * Photos one worker reads before a fresh one replaces it. tesseract.js's maintainers advise against
 * keeping a worker for ever: its wasm heap keeps the high-water mark of the largest sheet it has read
 * and grows a little with every read, and the offscreen document may run all day.
 */
export const PHOTOS_PER_WORKER = 20;

/**
 * Starts the on-device text reader: one tesseract.js worker (English, LSTM), created now and
 * reused for every photo. Callers read one photo at a time (the pipeline's queue); each read
 * stops when its signal aborts.
 */
export async function createOcrEngine(paths: OcrPaths, photosPerWorker = PHOTOS_PER_WORKER): Promise<Result<OcrEngine, CheckError>> {
  const reader = new TesseractReader(paths);
  const started = await reader.start();
  if (!started.ok) return started;
  let photosRead = 0;
  return ok({
    async analyse(image, signal) {
      const result = await readImage(reader, image, signal);
      photosRead += 1;
      if (photosRead >= photosPerWorker) {
        photosRead = 0;
        reader.renew();
      }
      return result;
    },
    dispose: () => reader.stop(),
  });
}
