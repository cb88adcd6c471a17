import { BUDGET_MS, within } from '../deadlines';
import type { CheckError, Result } from '../errors';
import type { FaceEngine } from './face/types';
import type { ImageDecoder } from './image/types';
import type { OcrEngine } from './ocr/types';

/**
 * Everything that analyses a photo. The models load on first use, not before: a text-only post
 * wakes neither. A load that fails is not remembered, so Retry loads again.
 */
export interface Analysers {
  decode: ImageDecoder;
  faces(): Promise<Result<FaceEngine, CheckError>>;
  ocr(): Promise<Result<OcrEngine, CheckError>>;
  /** The engines that have loaded so far, for status; null while not loaded. */
  loaded(): { faces: FaceEngine | null; ocr: OcrEngine | null };
  /** Frees the models and ends the OCR worker (waiting for any still loading), so a process can exit. */
  dispose(): Promise<void>;
}

export interface EngineLoaders {
  decode: ImageDecoder;
  loadFaces(): Promise<Result<FaceEngine, CheckError>>;
  loadOcr(): Promise<Result<OcrEngine, CheckError>>;
}

interface Lazy<T> {
  get(): Promise<Result<T, CheckError>>;
  current(): T | null;
  /** The value once any load under way has finished (null if none succeeded), so dispose frees a load still in flight. */
  settled(): Promise<T | null>;
}

function lazy<T>(load: () => Promise<Result<T, CheckError>>, what: string): Lazy<T> {
  let pending: Promise<Result<T, CheckError>> | null = null;
  let value: T | null = null;
  return {
    get() {
      pending ??= within(BUDGET_MS.engineLoad, what, load).then((loaded) => {
        if (loaded.ok) value = loaded.value;
        else pending = null;
        // A timed-out load is a load failure to staff: the models did not load.
        return loaded.ok || loaded.error.code !== 'timeout' ? loaded : { ok: false, error: { ...loaded.error, code: 'engine_load_failed' } };
      });
      return pending;
    },
    current: () => value,
    settled: async () => {
      if (pending !== null) await pending;
      return value;
    },
  };
}

export function lazyAnalysers(loaders: EngineLoaders): Analysers {
  const faces = lazy(loaders.loadFaces, "Loading Checkpost's face models");
  const ocr = lazy(loaders.loadOcr, "Starting Checkpost's text reader");
  return {
    decode: loaders.decode,
    faces: () => faces.get(),
    ocr: () => ocr.get(),
    loaded: () => ({ faces: faces.current(), ocr: ocr.current() }),
    async dispose() {
      const [faceEngine, ocrEngine] = await Promise.all([faces.settled(), ocr.settled()]);
      faceEngine?.dispose();
      await ocrEngine?.dispose();
    },
  };
}
