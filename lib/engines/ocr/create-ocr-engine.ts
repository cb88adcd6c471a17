import { ok, type CheckError, type Result } from '../../errors';
import { readImage } from './read-image';
import { TesseractReader } from './tesseract-reader';
import type { OcrEngine, OcrPaths } from './types';

/**
 * Starts the on-device text reader: one tesseract.js worker (English, LSTM), created now and
 * reused for every photo. Callers read one photo at a time (the pipeline's queue); each read
 * stops when its signal aborts.
 */
export async function createOcrEngine(paths: OcrPaths): Promise<Result<OcrEngine, CheckError>> {
  const reader = new TesseractReader(paths);
  const started = await reader.start();
  if (!started.ok) return started;
  // A first tiny read loads the recogniser, so the first photo is not the slow one.
  const warm = await reader.read({ width: 64, height: 32, data: new Uint8Array(64 * 32).fill(255) }, 'sheet', new AbortController().signal);
  if (!warm.ok) return warm;
  return ok({
    analyse: (image, signal) => readImage(reader, image, signal),
    dispose: () => reader.stop(),
  });
}
