import type { CheckError, Result } from '../errors';
import { ok } from '../errors';
import type { FaceEngine } from '../engines/face/types';
import type { ImageDecoder } from '../engines/image/types';
import type { OcrEngine } from '../engines/ocr/types';
import { TRANSIENT_ERRORS, type ImageSeen, type ImageUpload, type PostCheckReply, type PostCheckRequest } from '../messaging/protocol';
import { base64ToBytes } from '../messaging/base64';
import { analyseImage } from '../pipeline/analyse-image';
import { assembleAnalysis, DEFAULT_IMAGE_TIMEOUT_MS, judge } from '../pipeline/check-post';
import type { ImageAnalysis } from '../pipeline/types';
import { withTimeout } from '../pipeline/with-timeout';
import type { Roster } from '../roster/types';

/** Everything that analyses a photo; any part failing to load holds every post with photos. */
export interface EngineParts {
  decode: ImageDecoder;
  faces: FaceEngine;
  ocr: OcrEngine;
}

export interface PostCheckServiceDeps {
  /** The loaded engine, or why it could not load. Awaited on every photo, so it may still be loading. */
  engine(): Promise<Result<EngineParts, CheckError>>;
  /** The imported roster, or why there is none. */
  roster(): Promise<Result<Roster, CheckError>>;
  /** Ordinary English words, so the name rules can tell "Will" the pupil from "will" the word; or why they did not load. */
  commonWords(): Promise<Result<ReadonlySet<string>, CheckError>>;
  /** Per photo; defaults to the composer's 20 s. */
  imageTimeoutMs?: number;
}

export interface PostCheckService {
  analyseImage(upload: ImageUpload): Promise<Result<ImageSeen, CheckError>>;
  checkPost(request: PostCheckRequest): Promise<PostCheckReply>;
  /** Drops every cached analysis: identities depend on the roster, so a new roster means new analyses. */
  forget(): void;
}

/** Analyses kept; a composer rarely holds more than four photos, a session a few dozen. */
const CACHE_LIMIT = 64;

/**
 * The engine's side of the composer protocol: analyses each photo once, by the SHA-256 of its
 * bytes, as soon as it is attached, then judges whole posts from those analyses. Runs in the
 * offscreen document (or in Node, for tests).
 */
export function createPostCheckService(deps: PostCheckServiceDeps): PostCheckService {
  const cache = new Map<string, Promise<Result<ImageAnalysis, CheckError>>>();
  // One photo at a time: the models are not re-entrant.
  let queue: Promise<unknown> = Promise.resolve();

  const analyseNow = async (upload: ImageUpload): Promise<Result<ImageAnalysis, CheckError>> => {
    const engine = await deps.engine();
    if (!engine.ok) return engine;
    const roster = await deps.roster();
    if (!roster.ok) return roster;
    const image = { id: upload.hash, name: upload.name, bytes: base64ToBytes(upload.base64) };
    const analysers = { ...engine.value, templates: roster.value.templates };
    return withTimeout(analyseImage(image, 0, analysers), deps.imageTimeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS, `Checking ${upload.name}`);
  };

  const analysis = (upload: ImageUpload): Promise<Result<ImageAnalysis, CheckError>> => {
    const cached = cache.get(upload.hash);
    if (cached !== undefined) return cached;
    const run = queue.then(() => analyseNow(upload));
    queue = run.catch(() => undefined);
    cache.set(upload.hash, run);
    void run.then((result) => {
      if (!result.ok && TRANSIENT_ERRORS.has(result.error.code) && cache.get(upload.hash) === run) cache.delete(upload.hash);
    });
    // Maps iterate in insertion order: the first key is the oldest.
    const oldest = cache.keys().next();
    if (cache.size > CACHE_LIMIT && !oldest.done) cache.delete(oldest.value);
    return run;
  };

  return {
    async analyseImage(upload) {
      const result = await analysis(upload);
      if (!result.ok) return result;
      // Faces and OCR run side by side after decoding: the longer of the two is what the photo took.
      const { decodeMs, detectMs, describeMs, ocrMs = 0 } = result.value.timings;
      return ok({ faces: result.value.faces.length, ms: decodeMs + Math.max(detectMs + describeMs, ocrMs) });
    },

    async checkPost(request) {
      const pending = request.images.map((image) => cache.get(image.hash));
      const missing = request.images.filter((_, index) => pending[index] === undefined).map((image) => image.hash);
      if (missing.length > 0) return { kind: 'missing', hashes: missing };

      const images: ImageAnalysis[] = [];
      const errors: CheckError[] = [...request.errors];
      const results = await Promise.all(pending as Promise<Result<ImageAnalysis, CheckError>>[]);
      for (const [index, result] of results.entries()) {
        const name = request.images[index]?.name ?? `Photo ${index + 1}`;
        if (result.ok) images.push({ ...result.value, imageIndex: index, name });
        else errors.push({ ...result.error, file: result.error.file ?? name });
      }
      // Text-only posts are judged too (names, personal data, offensive language, tone): they need the roster and the words, not the engine.
      const [roster, commonWords] = await Promise.all([deps.roster(), deps.commonWords()]);
      for (const loaded of [roster, commonWords]) if (!loaded.ok && !errors.some((error) => error.message === loaded.error.message)) errors.push(loaded.error);

      const analysed = assembleAnalysis(request, images, errors);
      const context = { roster: roster.ok ? roster.value : { people: [], templates: [] }, ...(commonWords.ok ? { commonWords: commonWords.value } : {}) };
      return { kind: 'checked', analysis: analysed, verdict: judge(analysed, context) };
    },

    forget: () => cache.clear(),
  };
}
