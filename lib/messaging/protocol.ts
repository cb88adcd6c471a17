import { z } from 'zod';
import type { CheckError, ErrorCode } from '../errors';
import { auditEventSchema } from '../audit/audit-log';
import { biometricRecordSchema } from '../roster/biometrics';
import { verdictRecordSchema, type VerdictRecord } from '../storage/verdict-record';
import { checkErrorSchema, platformSchema, resultSchema, verdictSchema } from './schemas';

/** An attached photo, named by the SHA-256 of its bytes (hex) so each photo is analysed once. */
const imageRefSchema = z.object({
  hash: z.string().min(1),
  /** File name shown to staff ("Photo 2" when the site does not say). */
  name: z.string(),
});
export type ImageRef = z.infer<typeof imageRefSchema>;

/** A photo on its way to the engine. Chrome serialises runtime messages as JSON, so bytes travel as base64. */
const imageUploadSchema = imageRefSchema.extend({ base64: z.base64() });
export type ImageUpload = z.infer<typeof imageUploadSchema>;

/**
 * Failures a Retry may cure (the engine was slow, crashed, or has no roster yet). The engine never
 * caches them and the composer re-sends the photo; any other error is the photo's own and final.
 */
export const TRANSIENT_ERRORS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['timeout', 'engine_failed', 'engine_load_failed', 'roster_missing', 'roster_locked']);

/** What one photo's analysis found, for progress and the popup; the findings come with the post's check. */
const imageSeenSchema = z.object({ faces: z.int().nonnegative(), ms: z.number() });
export type ImageSeen = z.infer<typeof imageSeenSchema>;

const postCheckRequestSchema = z.object({
  platform: platformSchema,
  /** Text of every editor (a thread has several), joined with blank lines. */
  text: z.string(),
  images: z.array(imageRefSchema),
  /** Problems the composer met before the engine (a video it cannot check, a photo it could not read). */
  errors: z.array(checkErrorSchema),
});
export type PostCheckRequest = z.infer<typeof postCheckRequestSchema>;

/** A checked photo's size as attached, so the panel can place the finding's boxes on its thumbnail. */
const photoSizeSchema = z.object({ imageIndex: z.int().nonnegative(), width: z.number().positive(), height: z.number().positive() });
export type PhotoSize = z.infer<typeof photoSizeSchema>;

/** The `checkPost` answer when the engine had every photo: the verdict travels to the page, never the analysis (no descriptors or OCR lines). */
const CHECK_POST_CHECKED = z.object({ kind: z.literal('checked'), verdict: verdictSchema, photos: z.array(photoSizeSchema) });

const postCheckReplySchema = z.discriminatedUnion('kind', [
  CHECK_POST_CHECKED,
  /** The engine holds no analysis for these photos (it was restarted or they were never sent): upload them. */
  z.object({ kind: z.literal('missing'), hashes: z.array(z.string()) }),
]);
export type PostCheckReply = z.infer<typeof postCheckReplySchema>;

/** 'idle': the models load on the first photo, never for a text-only post. */
const engineStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('ready'), modelId: z.string(), loadMs: z.number() }),
  z.object({ state: z.literal('failed'), error: checkErrorSchema }),
]);
export type EngineState = z.infer<typeof engineStateSchema>;

const rosterSummarySchema = z.object({
  csvName: z.string(),
  importedAt: z.string(),
  people: z.int().nonnegative(),
  pupils: z.int().nonnegative(),
  /** People with a face template: only they can be recognised. */
  enrolled: z.int().nonnegative(),
  /** The DPIA and notice to parents face matching runs under; null: face matching is off. */
  biometrics: biometricRecordSchema.nullable(),
});
export type RosterSummary = z.infer<typeof rosterSummarySchema>;

const engineStatusSchema = z.object({
  engine: engineStateSchema,
  roster: rosterSummarySchema.nullable(),
  /** A roster is saved but locked (the browser started since it was unlocked): the roster passphrase opens it. */
  locked: z.boolean(),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

/** A verdict as the popup lists it for a tab: no words, no photos, no faces, no names. */
export type { VerdictRecord };

/**
 * Every message between content scripts, popup, options page, service worker and offscreen
 * document: the schema of its request and of its response. `null` where nothing is carried.
 */
/**
 * What a page on a guarded site may put in the audit log: what staff did with a post. Checks are recorded by the
 * service worker from their verdicts, and overrides only by the Headteacher's own step, never by a page.
 */
export const pageAuditEventSchema = auditEventSchema.pick({ platform: true, status: true, rules: true, postHash: true }).extend({ kind: z.enum(['post_anyway', 'sent']) });
export type PageAuditEvent = z.infer<typeof pageAuditEventSchema>;

export const PROTOCOL = {
  /** Content script → engine, as soon as a photo is attached, so the verdict is ready when Post is pressed. */
  analyseImage: { request: imageUploadSchema, response: resultSchema(imageSeenSchema) },
  /** Content script → engine: the verdict on the post as it stands. */
  checkPost: { request: postCheckRequestSchema, response: postCheckReplySchema },
  /** Popup → engine: are the models loaded, is there a roster. */
  engineStatus: { request: z.null(), response: engineStatusSchema },
  /**
   * Options page → engine: wait for the models to load; their id is stamped on every template.
   * Content script → engine: staff are choosing photos, so load the models while they do.
   */
  awaitEngine: { request: z.null(), response: resultSchema(z.object({ modelId: z.string() })) },
  /** Options page → engine: a roster reference photo's face descriptor (the import's enrolment step). */
  enrolPhoto: { request: z.object({ fileName: z.string(), base64: z.base64() }), response: resultSchema(z.array(z.number())) },
  /** Options page → engine, after it saved a new roster: read it again and forget cached analyses. */
  reloadRoster: { request: z.null(), response: engineStatusSchema },
  /** Offscreen document → service worker: the roster key from session storage ('' while locked), which offscreen documents cannot read. */
  rosterKey: { request: z.null(), response: z.string() },
  /** Content script → service worker: remember a verdict for the popup of the sender's tab. */
  recordVerdict: { request: verdictRecordSchema, response: z.null() },
  /** Content script → service worker: a warning accepted, or a post sent, for the audit log. */
  recordAudit: { request: pageAuditEventSchema, response: z.null() },
} as const;

export type ProtocolMap = { [K in keyof typeof PROTOCOL]: { request: z.infer<(typeof PROTOCOL)[K]['request']>; response: z.infer<(typeof PROTOCOL)[K]['response']> } };

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
  rosterKey: 'background',
  recordVerdict: 'background',
  recordAudit: 'background',
} as const satisfies { readonly [K in MessageType]: 'background' | 'offscreen' };

/** The messages the service worker relays to the offscreen document. */
export type OffscreenMessage = { [K in MessageType]: (typeof ANSWERED_BY)[K] extends 'offscreen' ? K : never }[MessageType];

/**
 * What the content script on a guarded site may ask. Every other message comes only from the
 * extension's own pages: a page on X must never enrol faces or swap the roster.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(['analyseImage', 'checkPost', 'awaitEngine', 'recordVerdict', 'recordAudit']);

const HOPS = ['to_background', 'to_offscreen'] as const;

/**
 * The wire format. Every extension page hears every runtime message, so `hop` says who should
 * answer: senders address the service worker, which relays offscreen-bound messages on.
 */
export interface Envelope<K extends MessageType = MessageType> {
  checkpost: K;
  hop: (typeof HOPS)[number];
  request: RequestOf<K>;
}

/** An envelope whose request is not checked yet: that is up to the receiver, which knows the type. */
export const envelopeSchema = z.object({ checkpost: z.enum(Object.keys(PROTOCOL) as [MessageType, ...MessageType[]]), hop: z.enum(HOPS), request: z.unknown() });

/** The wire format of an answer: a handler's failure becomes a value the sender can show. */
export type Reply<K extends MessageType> = { ok: true; value: ResponseOf<K> } | { ok: false; error: CheckError };

export const replySchema = <K extends MessageType>(type: K) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: PROTOCOL[type].response }), z.object({ ok: z.literal(false), error: checkErrorSchema })]);

export type Handlers<K extends MessageType> = { [T in K]: (request: RequestOf<T>, sender: { tabId?: number }) => Promise<ResponseOf<T>> };
