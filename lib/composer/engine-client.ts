import { BUDGET_MS } from '../deadlines';
import { checkError, type CheckError, type Result } from '../errors';
import { bytesToBase64 } from '../base64';
import { TRANSIENT_ERRORS, type ImageSeen, type MessageType, type PhotoSize, type PostCheckRequest, type RequestOf, type ResponseOf } from '../messaging/protocol';
import type { Verdict } from '../pipeline/types';
import { cannotCheck } from './panel-view';

export type Send = <K extends MessageType>(type: K, request: RequestOf<K>, options: { timeoutMs: number; what: string }) => Promise<Result<ResponseOf<K>, CheckError>>;

export interface PhotoBytes {
  hash: string;
  name: string;
  bytes: Uint8Array;
}

export interface CheckOutcome {
  verdict: Verdict;
  /** Sizes of the photos checked; empty when the check failed before any analysis (the verdict then says why). */
  photos: PhotoSize[];
}

export interface EngineClient {
  /** Starts a photo's analysis as soon as it is attached. */
  analyse(photo: PhotoBytes): Promise<Result<ImageSeen, CheckError>>;
  /** The verdict on the post; photos the engine has not kept are uploaded again. Never throws. */
  check(request: PostCheckRequest, bytesOf: (hash: string) => Uint8Array | undefined): Promise<CheckOutcome>;
}

/** The composer's side of the engine, over any transport (runtime messages in the extension). */
export function createEngineClient(send: Send, timeoutMs: number = BUDGET_MS.check): EngineClient {
  const analyse = async (photo: PhotoBytes, ms: number): Promise<Result<ImageSeen, CheckError>> => {
    const request = { hash: photo.hash, name: photo.name, base64: bytesToBase64(photo.bytes) };
    const reply = await send('analyseImage', request, { timeoutMs: ms, what: `Checking ${photo.name}` });
    return reply.ok ? reply.value : reply;
  };

  return {
    analyse: (photo) => analyse(photo, timeoutMs),

    async check(request, bytesOf) {
      const deadline = Date.now() + timeoutMs;
      // Twice: once as things stand, once after re-sending what a restarted engine no longer holds.
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const reply = await send('checkPost', request, { timeoutMs: Math.max(1, deadline - Date.now()), what: 'Checking the post' });
        if (!reply.ok) return { photos: [], verdict: cannotCheck(reply.error) };
        if (reply.value.kind === 'checked') return { verdict: reply.value.verdict, photos: reply.value.photos };
        for (const hash of reply.value.hashes) {
          const image = request.images.find((candidate) => candidate.hash === hash);
          const bytes = bytesOf(hash);
          if (image === undefined || bytes === undefined) {
            return {
              photos: [],
              verdict: cannotCheck(checkError('file_unreadable', 'A photo in this post is no longer available to Checkpost. Remove it and attach it again.')),
            };
          }
          const uploaded = await analyse({ ...image, bytes }, Math.max(1, deadline - Date.now()));
          // A photo's own error (e.g. a corrupt file) is kept by the engine and reported with the verdict.
          if (!uploaded.ok && TRANSIENT_ERRORS.has(uploaded.error.code)) return { photos: [], verdict: cannotCheck(uploaded.error) };
        }
      }
      return {
        photos: [],
        verdict: cannotCheck(checkError('engine_failed', "Checkpost's engine keeps losing the photos of this post. Press Retry; if it keeps happening, restart the browser.")),
      };
    },
  };
}
