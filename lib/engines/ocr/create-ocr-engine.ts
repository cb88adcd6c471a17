import { ok, type CheckError, type Result } from '../../errors';
import type { DecodedImage } from '../image/types';
import { readImage } from './read-image';
import { TesseractReader } from './tesseract-reader';
import type { OcrEngine, OcrImageResult, OcrOptions, OcrPaths } from './types';

const DEFAULT_INIT_TIMEOUT_MS = 20_000;
const DEFAULT_READ_TIMEOUT_MS = 15_000;

/**
 * Starts the on-device text reader: one tesseract.js worker (English, LSTM), created now and
 * reused for every photo. Photos are read one at a time; each read is bounded by its own timeout,
 * counted from when it starts rather than while it waits its turn.
 */
export async function createOcrEngine(paths: OcrPaths, options: OcrOptions = {}): Promise<Result<OcrEngine, CheckError>> {
  const reader = new TesseractReader(paths, options.initTimeoutMs ?? DEFAULT_INIT_TIMEOUT_MS);
  const started = await reader.start();
  if (!started.ok) return started;
  // A first tiny read loads the recogniser, so the first photo is not the slow one.
  const warm = await reader.read(
    { width: 64, height: 32, data: new Uint8Array(64 * 32).fill(255) },
    'sheet',
    performance.now() + (options.initTimeoutMs ?? DEFAULT_INIT_TIMEOUT_MS),
  );
  if (!warm.ok) return warm;
  const readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  let turn: Promise<unknown> = Promise.resolve();
  return ok({
    read(image: DecodedImage, signal?: AbortSignal): Promise<Result<OcrImageResult, CheckError>> {
      const result = turn.then(() => readImage(reader, image, performance.now() + readTimeoutMs, signal));
      turn = result.catch(() => undefined);
      return result;
    },
    terminate: () => reader.stop(),
  });
}
