import { LRUCache } from 'lru-cache';
import type { CheckError, Result } from '../errors';
import { ok } from '../errors';
import { base64ToBytes } from '../base64';
import { TRANSIENT_ERRORS, type ImageSeen, type ImageUpload, type PostCheckReply, type PostCheckRequest } from '../messaging/protocol';
import { assembleAnalysis, judge } from '../pipeline/check-post';
import type { PhotoChecker } from '../pipeline/photo-checker';
import type { ImageAnalysis } from '../pipeline/types';
import { matchesFaces } from '../roster/biometrics';
import type { Roster } from '../roster/types';
import { cannotCheck } from './panel-view';

export interface PostCheckServiceDeps {
  photos: PhotoChecker;
  /** The imported roster, or why there is none. Read at judge time, so a new roster applies to the next check. */
  roster(): Promise<Result<Roster, CheckError>>;
  /** Ordinary English words, so the name rules can tell "Will" the pupil from "will" the word; or why they did not load. */
  commonWords(): Promise<Result<ReadonlySet<string>, CheckError>>;
}

export interface PostCheckService {
  analyseImage(upload: ImageUpload): Promise<Result<ImageSeen, CheckError>>;
  checkPost(request: PostCheckRequest): Promise<PostCheckReply>;
}

/**
 * Analyses kept, by hash. A composer rarely holds more than four photos, a morning's posting a
 * few dozen; each analysis is a few kilobytes (boxes, descriptors, OCR lines), never pixels.
 */
const CACHE_LIMIT = 64;

/** Whether the roster in use (if any) has faces matched, so photos are analysed with descriptors. */
const matchingFor = (roster: Result<Roster, CheckError>): boolean => roster.ok && matchesFaces(roster.value);

/** Analyses are kept by photo and by whether faces were described: turning matching on needs a fresh analysis. */
const cacheKey = (hash: string, matchFaces: boolean): string => `${hash}:${matchFaces ? 'described' : 'found'}`;

/**
 * The engine's side of the composer protocol: analyses each photo once, by the SHA-256 of its
 * bytes, as soon as it is attached, then judges whole posts from those analyses against the
 * roster in use. Analyses do not depend on who is on the roster, so a re-import needs no
 * re-analysis; only turning face matching on does (faces are not described while it is off).
 * Runs in the offscreen document (or in Node, for tests).
 */
export function createPostCheckService(deps: PostCheckServiceDeps): PostCheckService {
  const cache = new LRUCache<string, Promise<Result<ImageAnalysis, CheckError>>>({ max: CACHE_LIMIT });

  const analysis = (upload: ImageUpload, matchFaces: boolean): Promise<Result<ImageAnalysis, CheckError>> => {
    const key = cacheKey(upload.hash, matchFaces);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const run = deps.photos.analyse({ id: upload.hash, name: upload.name, bytes: base64ToBytes(upload.base64) }, 0, { matchFaces });
    cache.set(key, run);
    // A failure a Retry may cure is not kept: the composer sends the photo again.
    void run.then((result) => {
      if (!result.ok && TRANSIENT_ERRORS.has(result.error.code) && cache.peek(key) === run) cache.delete(key);
    });
    return run;
  };

  return {
    async analyseImage(upload) {
      const result = await analysis(upload, matchingFor(await deps.roster()));
      if (!result.ok) return result;
      // Faces and OCR run side by side after decoding: the longer of the two is what the photo took.
      const { decodeMs, detectMs, describeMs, ocrMs = 0 } = result.value.timings;
      return ok({ faces: result.value.faces.length, ms: decodeMs + Math.max(detectMs + describeMs, ocrMs) });
    },

    async checkPost(request) {
      const [roster, commonWords] = await Promise.all([deps.roster(), deps.commonWords()]);
      const matchFaces = matchingFor(roster);
      const pending = request.images.map((image) => cache.get(cacheKey(image.hash, matchFaces)));
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
      // Never judged against an empty roster: every face would read as a stranger and every name as no one's.
      if (!roster.ok || !commonWords.ok) {
        const missingParts = [roster, commonWords].flatMap((loaded) => (loaded.ok ? [] : [loaded.error]));
        return { kind: 'checked', verdict: { ...cannotCheck(missingParts[0]!), errors: [...missingParts, ...errors] }, photos: [] };
      }
      const { verdict } = judge(assembleAnalysis(request, images, errors), { roster: roster.value, commonWords: commonWords.value });
      return { kind: 'checked', verdict, photos: images.map(({ imageIndex, width, height }) => ({ imageIndex, width, height })) };
    },
  };
}
