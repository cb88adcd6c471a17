import type { CheckError, ErrorCode, Result } from '../errors';
import type { Platform, Verdict, VerdictStatus } from '../pipeline/types';

/** An attached photo, named by the SHA-256 of its bytes (hex) so each photo is analysed once. */
export interface ImageRef {
  hash: string;
  /** File name shown to staff ("Photo 2" when the site does not say). */
  name: string;
}

/** A photo on its way to the engine. Chrome serialises runtime messages as JSON, so bytes travel as base64. */
export interface ImageUpload extends ImageRef {
  base64: string;
}

/**
 * Failures a Retry may cure (the engine was slow, crashed, or has no roster yet). The engine never
 * caches them and the composer re-sends the photo; any other error is the photo's own and final.
 */
export const TRANSIENT_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['timeout', 'engine_failed', 'engine_load_failed', 'roster_missing']);

/** What one photo's analysis found, for progress and the popup; the findings come with the post's check. */
export interface ImageSeen {
  faces: number;
  ms: number;
}

export interface PostCheckRequest {
  platform: Platform;
  /** Text of every editor (a thread has several), joined with blank lines. */
  text: string;
  images: ImageRef[];
  /** Problems the composer met before the engine (a video it cannot check, a photo it could not read). */
  errors: CheckError[];
}

/** A checked photo's size as attached, so the panel can place the finding's boxes on its thumbnail. */
export interface PhotoSize {
  imageIndex: number;
  width: number;
  height: number;
}

/** The verdict travels to the page, never the analysis: no descriptors or OCR lines leave the engine. */
export type PostCheckReply =
  | { kind: 'checked'; verdict: Verdict; photos: PhotoSize[] }
  /** The engine holds no analysis for these photos (it was restarted or they were never sent): upload them. */
  | { kind: 'missing'; hashes: string[] };

/** 'idle': the models load on the first photo, never for a text-only post. */
export type EngineState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; modelId: string; loadMs: number } | { state: 'failed'; error: CheckError };

export interface RosterSummary {
  csvName: string;
  importedAt: string;
  people: number;
  pupils: number;
  /** People with a face template: only they can be recognised. */
  enrolled: number;
}

export interface EngineStatus {
  engine: EngineState;
  roster: RosterSummary | null;
}

/** A verdict as the popup lists it for a tab: no photos, no faces, no names. */
export interface VerdictRecord {
  at: number;
  platform: Platform;
  status: VerdictStatus;
  photos: number;
  /** The first finding's or error's message, or a pass line. */
  summary: string;
}

/**
 * Every message between content scripts, popup, options page, service worker and offscreen
 * document: its request and its response. `null` where nothing is carried.
 */
export interface ProtocolMap {
  /** Content script → engine, as soon as a photo is attached, so the verdict is ready when Post is pressed. */
  analyseImage: { request: ImageUpload; response: Result<ImageSeen, CheckError> };
  /** Content script → engine: the verdict on the post as it stands. */
  checkPost: { request: PostCheckRequest; response: PostCheckReply };
  /** Popup → engine: are the models loaded, is there a roster. */
  engineStatus: { request: null; response: EngineStatus };
  /** Options page → engine: wait for the models to load; their id is stamped on every template. */
  awaitEngine: { request: null; response: Result<{ modelId: string }, CheckError> };
  /** Options page → engine: a roster reference photo's face descriptor (the import's enrolment step). */
  enrolPhoto: { request: { fileName: string; base64: string }; response: Result<number[], CheckError> };
  /** Options page → engine, after it saved a new roster: read it again and forget cached analyses. */
  reloadRoster: { request: null; response: EngineStatus };
  /** Content script → service worker: remember a verdict for the popup of the sender's tab. */
  recordVerdict: { request: VerdictRecord; response: null };
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ResponseOf<K extends MessageType> = ProtocolMap[K]['response'];

/** Who answers each message: the service worker itself, or the offscreen document through it. */
export const ANSWERED_BY = {
  analyseImage: 'offscreen',
  checkPost: 'offscreen',
  engineStatus: 'offscreen',
  awaitEngine: 'offscreen',
  enrolPhoto: 'offscreen',
  reloadRoster: 'offscreen',
  recordVerdict: 'background',
} as const satisfies { readonly [K in MessageType]: 'background' | 'offscreen' };

/** The messages the service worker relays to the offscreen document. */
export type OffscreenMessage = { [K in MessageType]: (typeof ANSWERED_BY)[K] extends 'offscreen' ? K : never }[MessageType];

/**
 * The wire format. Every extension page hears every runtime message, so `hop` says who should
 * answer: senders address the service worker, which relays offscreen-bound messages on.
 */
export interface Envelope<K extends MessageType = MessageType> {
  checkpost: K;
  hop: 'to_background' | 'to_offscreen';
  request: RequestOf<K>;
}

/** The wire format of an answer: a handler's failure becomes a value the sender can show. */
export type Reply<K extends MessageType> = { ok: true; value: ResponseOf<K> } | { ok: false; error: CheckError };

export type Handlers<K extends MessageType> = { [T in K]: (request: RequestOf<T>, sender: { tabId?: number }) => Promise<ResponseOf<T>> };

export function isEnvelope(message: unknown): message is Envelope {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Partial<Envelope>;
  return typeof candidate.checkpost === 'string' && candidate.checkpost in ANSWERED_BY && (candidate.hop === 'to_background' || candidate.hop === 'to_offscreen');
}
