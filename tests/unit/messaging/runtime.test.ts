import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Handlers, MessageType, PostCheckRequest } from '../../../lib/messaging/protocol';
import { answerMessages, refusedMessage, sendMessage } from '../../../lib/messaging/runtime-browser';
import type { VerdictRecord } from '../../../lib/storage/verdict-record';

const EXTENSION = `chrome-extension://${fakeBrowser.runtime.id}`;
const OPTIONS_PAGE: Browser.runtime.MessageSender = { id: fakeBrowser.runtime.id, url: `${EXTENSION}/options.html` };
const SERVICE_WORKER: Browser.runtime.MessageSender = { id: fakeBrowser.runtime.id, url: `${EXTENSION}/background.js` };
const X_TAB = {
  id: 4,
  index: 0,
  pinned: false,
  highlighted: false,
  windowId: 1,
  active: true,
  incognito: false,
  selected: true,
  discarded: false,
  autoDiscardable: true,
  groupId: -1,
  frozen: false,
  lastAccessed: 0,
};
const CONTENT_SCRIPT: Browser.runtime.MessageSender = { id: fakeBrowser.runtime.id, url: 'https://x.com/home', tab: X_TAB };

const record: VerdictRecord = { at: 1, platform: 'x', status: 'block', photos: 1, rules: [{ ruleId: 'name-in-image', count: 1 }], errors: [], postHash: 'b'.repeat(64) };
const postCheck: PostCheckRequest = { platform: 'x', text: 'Well done, year 6!', images: [{ hash: 'c'.repeat(64), name: 'Photo 1' }], errors: [] };

/** What a listener answers to one raw message from `sender` (undefined when it leaves it to others). */
async function deliver(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  let answer: (reply: unknown) => void = () => undefined;
  const reply = new Promise((resolve) => (answer = resolve));
  const kept = await fakeBrowser.runtime.onMessage.trigger(message, sender, answer);
  return (kept as unknown[]).includes(true) ? reply : undefined;
}

const envelope = (checkpost: MessageType, request: unknown, hop = 'to_background') => ({ checkpost, hop, request });

describe('answering messages', () => {
  const calls: string[] = [];
  const handlers: Handlers<'checkPost' | 'recordVerdict' | 'reloadRoster'> = {
    checkPost: async (request) => {
      calls.push(`checkPost ${request.text}`);
      return { kind: 'missing', hashes: [] };
    },
    recordVerdict: async (request, { tabId }) => {
      calls.push(`recordVerdict ${request.status} tab ${tabId}`);
      return null;
    },
    reloadRoster: async () => {
      calls.push('reloadRoster');
      return { engine: { state: 'loading' }, roster: null, locked: false };
    },
  };
  let stop: () => void;

  beforeEach(() => {
    fakeBrowser.reset();
    calls.length = 0;
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Checkpost', version: '0.1.0', content_scripts: [{ matches: ['https://x.com/*'], js: [] }] });
    stop = answerMessages('to_background', handlers);
  });

  afterEach(() => stop());

  it('runs the handler for a well-formed request from an extension page or the content script', async () => {
    expect(await deliver(envelope('checkPost', postCheck), CONTENT_SCRIPT)).toEqual({ ok: true, value: { kind: 'missing', hashes: [] } });
    expect(await deliver(envelope('recordVerdict', record), CONTENT_SCRIPT)).toEqual({ ok: true, value: null });
    expect(await deliver(envelope('reloadRoster', null), OPTIONS_PAGE)).toMatchObject({ ok: true });
    expect(calls).toEqual(['checkPost Well done, year 6!', 'recordVerdict block tab 4', 'reloadRoster']);
  });

  it('hands the handler only the fields the schema knows', async () => {
    const spy = vi.spyOn(handlers, 'recordVerdict');
    stop();
    stop = answerMessages('to_background', handlers);
    await deliver(envelope('recordVerdict', { ...record, summary: 'Amelia Hughes is named' }), CONTENT_SCRIPT);
    expect(spy).toHaveBeenCalledWith(record, { tabId: 4 });
  });

  it.each([
    ['a text that is not text', envelope('checkPost', { ...postCheck, text: 42 })],
    ['a platform it does not guard', envelope('checkPost', { ...postCheck, platform: 'tiktok' })],
    ['no request at all', envelope('checkPost', undefined)],
    ['a verdict record carrying a name as a rule', envelope('recordVerdict', { ...record, rules: [{ ruleId: 'Amelia Hughes', count: 1 }] })],
    ['a verdict record without its hash', envelope('recordVerdict', { ...record, postHash: undefined })],
    ['a request where none is carried', envelope('reloadRoster', { wipe: true })],
  ])('refuses a malformed payload (%s) with an error value, and the handler never runs', async (_what, message) => {
    const sender = message.checkpost === 'reloadRoster' ? OPTIONS_PAGE : CONTENT_SCRIPT;
    expect(await deliver(message, sender)).toEqual({ ok: false, error: refusedMessage() });
    expect(calls).toEqual([]);
  });

  it.each([
    ['another extension', { ...OPTIONS_PAGE, id: 'someone-else' }],
    ['a sender Chrome gives no address for', { id: fakeBrowser.runtime.id }],
    ['a tab on a site Checkpost does not guard', { ...CONTENT_SCRIPT, url: 'https://evil.example/x.com/home' }],
    ['a page of another extension', { id: fakeBrowser.runtime.id, url: 'chrome-extension://someone-else/options.html' }],
  ])('refuses a message from %s, and the handler never runs', async (_what, sender) => {
    expect(await deliver(envelope('checkPost', postCheck), sender)).toEqual({ ok: false, error: refusedMessage() });
    expect(calls).toEqual([]);
  });

  it('refuses the content script what only extension pages may ask', async () => {
    expect(await deliver(envelope('reloadRoster', null), CONTENT_SCRIPT)).toEqual({ ok: false, error: refusedMessage() });
    expect(calls).toEqual([]);
  });

  it('refuses the content script addressing the offscreen document directly', async () => {
    const offscreen = answerMessages('to_offscreen', { checkPost: handlers.checkPost });
    expect(await deliver(envelope('checkPost', postCheck, 'to_offscreen'), CONTENT_SCRIPT)).toEqual({ ok: false, error: refusedMessage() });
    expect(await deliver(envelope('checkPost', postCheck, 'to_offscreen'), SERVICE_WORKER)).toMatchObject({ ok: true });
    expect(calls).toEqual(['checkPost Well done, year 6!']);
    offscreen();
  });

  it('leaves messages that are not Checkpost’s, or not for this context, to other listeners', async () => {
    expect(await deliver({ type: 'something else' }, OPTIONS_PAGE)).toBeUndefined();
    expect(await deliver(envelope('engineStatus', null), OPTIONS_PAGE)).toBeUndefined();
    expect(await deliver(envelope('checkPost', postCheck, 'to_offscreen'), SERVICE_WORKER)).toBeUndefined();
  });
});

describe('checking replies', () => {
  const options = { timeoutMs: 1000, what: 'Checking the post' };

  beforeEach(() => fakeBrowser.reset());

  const answering = (reply: unknown) =>
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse: (value: unknown) => void) => {
      sendResponse(reply);
      return true;
    });

  it('gives back a reply of the right shape', async () => {
    answering({ ok: true, value: { kind: 'missing', hashes: ['c'.repeat(64)] } });
    expect(await sendMessage('checkPost', postCheck, options)).toEqual({ ok: true, value: { kind: 'missing', hashes: ['c'.repeat(64)] } });
  });

  it('passes on the error a reply carries', async () => {
    answering({ ok: false, error: { code: 'timeout', message: 'Too slow.' } });
    expect(await sendMessage('checkPost', postCheck, options)).toEqual({ ok: false, error: { code: 'timeout', message: 'Too slow.' } });
  });

  it.each([
    ['a verdict with an unknown status', { ok: true, value: { kind: 'checked', analysis: null, verdict: { status: 'fine', findings: [], errors: [] } } }],
    ['a value where the error should be', { ok: false, value: null }],
    ['an error without a message', { ok: false, error: { code: 'timeout' } }],
    ['not a reply at all', 'pass'],
  ])('turns a malformed reply (%s) into an error staff can read', async (_what, reply) => {
    answering(reply);
    expect(await sendMessage('checkPost', postCheck, options)).toEqual({
      ok: false,
      error: { code: 'engine_failed', message: "Checking the post failed: Checkpost's engine answered in a form this page does not understand. Reload the page and try again." },
    });
  });
});
