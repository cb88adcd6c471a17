import { browser, type Browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { abortError, within } from '../deadlines';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import {
  CONTENT_SCRIPT_MESSAGES,
  envelopeSchema,
  PROTOCOL,
  replySchema,
  type Envelope,
  type Handlers,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from './protocol';

export interface SendOptions {
  /** The whole exchange, retries included, must end within this time. */
  timeoutMs: number;
  /** What was being done, for the message staff see ("Checking the photos"). */
  what: string;
}

/** Chrome's wording when nobody listens yet (a service worker starting, an offscreen document loading). */
const NOBODY_LISTENING = /Receiving end does not exist|Could not establish connection/i;
/** The answering context went away mid-request (the service worker was stopped). */
const PORT_CLOSED = /message port closed|message channel closed/i;
const CONTEXT_GONE = /Extension context invalidated/i;
const RETRY_DELAY_MS = 150;

export const extensionReloadedError = (): CheckError =>
  checkError('engine_failed', 'Checkpost was updated or restarted while this page was open, so it can no longer check this post. Copy your text, reload the page and try again.');

/** The content script outlived its extension (updated, reloaded or removed). */
export const extensionContextGone = (): boolean => browser.runtime?.id === undefined;

/** What the answer to one sent message says: the handler's value or error, checked against the protocol. */
function readReply<K extends MessageType>(type: K, answer: unknown, what: string): Result<ResponseOf<K>, CheckError> {
  if (answer === undefined) return err(checkError('engine_failed', `${what} failed: Checkpost's engine did not answer. Press Retry.`));
  const reply = replySchema(type).safeParse(answer);
  if (!reply.success)
    return err(checkError('engine_failed', `${what} failed: Checkpost's engine answered in a form this page does not understand. Reload the page and try again.`));
  if (!reply.data.ok) return err(reply.data.error);
  return ok(reply.data.value as ResponseOf<K>);
}

/**
 * Sends one message and waits for its answer. A service worker that was stopped, or a document
 * still loading, is retried until the time runs out; every failure comes back as a CheckError.
 */
export function sendMessage<K extends MessageType>(
  type: K,
  request: RequestOf<K>,
  options: SendOptions,
  hop: Envelope['hop'] = 'to_background',
): Promise<Result<ResponseOf<K>, CheckError>> {
  const envelope: Envelope<K> = { checkpost: type, hop, request };
  return within(options.timeoutMs, options.what, async (signal) => {
    for (;;) {
      if (extensionContextGone()) return err(extensionReloadedError());
      try {
        return readReply(type, await browser.runtime.sendMessage(envelope), options.what);
      } catch (thrown) {
        const message = describeThrown(thrown);
        if (CONTEXT_GONE.test(message)) return err(extensionReloadedError());
        if (!NOBODY_LISTENING.test(message) && !PORT_CLOSED.test(message)) return err(checkError('engine_failed', `${options.what} failed (${message}). Press Retry.`));
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      if (signal.aborted) return err(abortError(signal));
    }
  });
}

/** Thrown by a handler to answer with this exact error (e.g. a relay passing on the engine's timeout). */
export class ReplyError extends Error {
  constructor(readonly error: CheckError) {
    super(error.message);
  }
}

const failedReply = (thrown: unknown): CheckError =>
  thrown instanceof ReplyError ? thrown.error : checkError('engine_failed', `Checkpost's engine failed (${describeThrown(thrown)}), so the post was held. Press Retry.`);

export const refusedMessage = (): CheckError =>
  checkError(
    'engine_failed',
    'Checkpost refused a message that did not come from one of its own pages, or was not in the form it expects, so nothing was done. Reload the page and try again.',
  );

/** Where a message came from, as far as Chrome vouches for it. */
type Origin = 'extension_page' | 'content_script' | 'unknown';

/** Sites where Checkpost's content scripts run, from the manifest, so test-only sites come with test builds. */
let contentScriptSites: MatchPattern[] | undefined;

function originOf(sender: Browser.runtime.MessageSender): Origin {
  if (sender.id !== browser.runtime.id || sender.url === undefined) return 'unknown';
  // The service worker, the offscreen document, the popup and the options page.
  if (sender.url.startsWith(browser.runtime.getURL('/'))) return 'extension_page';
  contentScriptSites ??= (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []).map((pattern) => new MatchPattern(pattern));
  const url = sender.url;
  return sender.tab !== undefined && contentScriptSites.some((site) => site.includes(url)) ? 'content_script' : 'unknown';
}

function allowed(type: MessageType, hop: Envelope['hop'], origin: Origin): boolean {
  if (origin === 'extension_page') return true;
  // Content scripts address the service worker only; the offscreen document hears it alone.
  return origin === 'content_script' && hop === 'to_background' && CONTENT_SCRIPT_MESSAGES.has(type);
}

/**
 * Answers the messages addressed to this context (`hop`) that `handlers` knows; leaves every other
 * message to the other listeners. A message from an unknown sender, or whose request does not
 * match its schema, is refused before any handler runs. A handler's throw is sent back as a failed reply.
 */
export function answerMessages<K extends MessageType>(hop: Envelope['hop'], handlers: Handlers<K>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void): true | undefined => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || envelope.data.hop !== hop || !Object.hasOwn(handlers, envelope.data.checkpost)) return undefined;
    const type = envelope.data.checkpost as K;
    const request = PROTOCOL[type].request.safeParse(envelope.data.request);
    if (!allowed(type, hop, originOf(sender)) || !request.success) {
      sendResponse({ ok: false, error: refusedMessage() } satisfies Reply<K>);
      return true;
    }
    const handler = handlers[type] as (request: RequestOf<K>, from: { tabId?: number }) => Promise<ResponseOf<K>>;
    handler(request.data as RequestOf<K>, sender.tab?.id === undefined ? {} : { tabId: sender.tab.id }).then(
      (value) => sendResponse({ ok: true, value } satisfies Reply<K>),
      (thrown: unknown) => sendResponse({ ok: false, error: failedReply(thrown) } satisfies Reply<K>),
    );
    // Chrome keeps the channel open for an asynchronous answer only when the listener returns true.
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
