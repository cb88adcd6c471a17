// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createComposerGuard } from '../../../lib/composer/composer-guard';
import type { ComposerGuard } from '../../../lib/composer/guard-types';
import type { EngineClient } from '../../../lib/composer/engine-client';
import { imageHash } from '../../../lib/image-hash';
import { createPanelStore, type PanelStore } from '../../../lib/composer/panel-store';
import type { PanelView } from '../../../lib/composer/panel-view';
import { installSendGate, type SendGate } from '../../../lib/composer/send-gate-browser';
import { xAdapter } from '../../../lib/composer/x/adapter';
import { checkError, err, ok, type CheckError, type Result } from '../../../lib/errors';
import type { PageAuditEvent, PostCheckRequest, VerdictRecord } from '../../../lib/messaging/protocol';
import type { Verdict } from '../../../lib/pipeline/types';
import { addPreview, loadFixture, typeInto } from './load-fixture';

const PHOTO_A = new Uint8Array([1, 2, 3]);
const PHOTO_B = new Uint8Array([4, 5, 6]);
const FACE = { x: 10, y: 20, width: 30, height: 40 };

type Judge = (request: PostCheckRequest, call: number) => Verdict | Promise<Verdict>;

const pass: Verdict = { status: 'pass', findings: [], errors: [] };
const unknownFace: Verdict = {
  status: 'block',
  findings: [{ ruleId: 'face-unknown', severity: 'block', message: 'Photo 1 shows a face that is not on the roster.', evidence: [{ imageIndex: 0, box: FACE }] }],
  errors: [],
};
const uncertainFace: Verdict = {
  status: 'warn',
  findings: [{ ruleId: 'face-uncertain', severity: 'warn', message: 'A face in photo 1 is too small to recognise.', evidence: [{ imageIndex: 0, box: FACE }] }],
  errors: [],
};
const heldFor = (errors: CheckError[]): Verdict => ({ status: 'cannot_check', findings: [], errors });

/** The engine's side, scripted: the guard's contract is with this client, not with the models. */
function scriptedEngine(judge: Judge) {
  const analysed: string[] = [];
  const checks: PostCheckRequest[] = [];
  const client: EngineClient = {
    analyse: async (photo) => {
      analysed.push(photo.hash);
      return ok({ faces: 1, ms: 1 });
    },
    check: async (request) => {
      checks.push(request);
      const verdict = await judge(request, checks.length);
      return { verdict, photos: request.images.map((_, imageIndex) => ({ imageIndex, width: 100, height: 100 })) };
    },
  };
  return { analysed, checks, client };
}

interface Page {
  guard: ComposerGuard;
  gate: SendGate;
  panels: PanelStore;
  sends: string[];
  records: VerdictRecord[];
  audited: PageAuditEvent[];
  view(): PanelView | undefined;
  panelId(): string;
  click(): void;
  strip(): Element;
}

let gate: SendGate | undefined;
afterEach(() => gate?.dispose());

function openPage(fixture: string, engine: EngineClient, options: { media?: Map<string, Result<Uint8Array, CheckError>>; orphaned?: () => CheckError | null } = {}): Page {
  const doc = loadFixture('x', fixture);
  const sends: string[] = [];
  // X's own Post handler, delegated from its React root.
  doc.getElementById('react-root')?.addEventListener('click', (event) => {
    if ((event.target as Element).closest('[data-testid^="tweetButton"], .post-button')) sends.push(xAdapter.readTexts(xAdapter.findComposers(doc)[0]!).join('|'));
  });
  const panels = createPanelStore();
  const records: VerdictRecord[] = [];
  const audited: PageAuditEvent[] = [];
  const media = options.media ?? new Map();
  const release = installSendGate(window, xAdapter, (attempt) => guard.decide(attempt));
  gate = release;
  const guard = createComposerGuard({
    document: doc,
    adapter: xAdapter,
    engine,
    readMedia: async (src) => media.get(src) ?? err(checkError('file_unreadable', `No such preview ${src}`)),
    hash: imageHash,
    panels,
    host: { attach: () => undefined, detach: () => undefined },
    release: (composer) => release.release(composer),
    record: (record) => records.push(record),
    audit: (event) => audited.push(event),
    orphaned: options.orphaned ?? (() => null),
    now: Date.now,
    later: (work, ms) => void setTimeout(work, ms),
  });
  const page: Page = {
    guard,
    gate,
    panels,
    sends,
    records,
    audited,
    panelId: () => Object.keys(panels.getState().panels)[0] ?? '',
    view: () => Object.values(panels.getState().panels)[0],
    click: () => (doc.querySelector('[data-testid^="tweetButton"] span, .post-button span') as HTMLElement).click(),
    strip: () => doc.querySelector('[data-testid="attachments"]') as Element,
  };
  guard.scan();
  return page;
}

const attach = (page: Page, src: string) => {
  addPreview(page.strip(), src);
  page.guard.scan();
};

describe('composer guard', () => {
  it('starts analysing a photo as soon as it is attached, and lets Post straight through once it passed', async () => {
    const engine = scriptedEngine(() => pass);
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    attach(page, 'blob:https://x.com/a');
    await vi.waitFor(() => expect(engine.analysed).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]));
    await vi.waitFor(() => expect(page.view()?.kind).toBe('passed'));
    page.click();
    expect(page.sends).toHaveLength(1);
    expect(engine.checks.at(-1)?.images).toEqual([{ hash: engine.analysed[0], name: 'Photo 1' }]);
  });

  it('holds a photo with an unknown face: the site never sees the send, and the panel boxes the face on that photo', async () => {
    const engine = scriptedEngine(() => unknownFace);
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    attach(page, 'blob:https://x.com/a');
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('block'));
    page.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.sends).toEqual([]);
    const view = page.view();
    if (view?.kind !== 'block') throw new Error('expected a block');
    expect(view.sendHeld).toBe(true);
    expect(view.photos).toEqual([
      {
        index: 0,
        label: 'Photo 1',
        src: 'blob:https://x.com/a',
        width: 100,
        height: 100,
        marks: [{ kind: 'face', box: FACE, severity: 'block', tag: '1', label: 'Face 1: must not be posted' }],
      },
    ]);
    expect(page.records.map((record) => record.status)).toEqual(['block']);
  });

  it('sends exactly once when a held post passes, however often Post was pressed meanwhile', async () => {
    let finish: (verdict: Verdict) => void = () => undefined;
    const engine = scriptedEngine(() => new Promise<Verdict>((resolve) => (finish = resolve)));
    const page = openPage('compose-modal.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, ['Sports day']);
    attach(page, 'blob:https://x.com/a');
    page.click();
    page.click();
    document.querySelector('[data-testid="tweetTextarea_0"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(engine.checks).toHaveLength(1));
    expect(page.view()?.kind).toBe('checking');
    expect(page.sends).toEqual([]);
    finish(pass);
    await vi.waitFor(() => expect(page.sends).toEqual(['Sports day']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(page.sends).toHaveLength(1);
  });

  it('holds Ctrl+Enter like a click and publishes through the Post button once cleared', async () => {
    const engine = scriptedEngine(() => pass);
    const page = openPage('home-inline.html', engine.client);
    const editor = document.querySelector('[data-testid="tweetTextarea_0"]')!;
    typeInto(editor, ['Hello']);
    const key = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    editor.dispatchEvent(key);
    expect(key.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(page.sends).toEqual(['Hello']));
  });

  it('never sends a blocked post after it is changed: the next press is decided on the new post', async () => {
    const blocked = await imageHash(PHOTO_A);
    const engine = scriptedEngine((request) => (request.images.some((image) => image.hash === blocked) ? unknownFace : pass));
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, ['Sports day']);
    attach(page, 'blob:https://x.com/a');
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('block'));
    page.strip().replaceChildren();
    page.guard.scan();
    await vi.waitFor(() => expect(engine.checks.at(-1)?.images).toEqual([]));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(page.view()?.kind).toBe('hidden');
    expect(page.sends).toEqual([]);
    page.click();
    expect(page.sends).toHaveLength(1);
  });

  it('re-checks when a photo is added or removed, analysing each photo once', async () => {
    const engine = scriptedEngine(() => pass);
    const media = new Map([
      ['blob:https://x.com/a', ok(PHOTO_A)],
      ['blob:https://x.com/b', ok(PHOTO_B)],
    ]);
    const page = openPage('compose-modal.html', engine.client, { media });
    attach(page, 'blob:https://x.com/a');
    await vi.waitFor(() => expect(engine.checks.at(-1)?.images).toHaveLength(1));
    attach(page, 'blob:https://x.com/b');
    await vi.waitFor(() => expect(engine.checks.at(-1)?.images).toHaveLength(2));
    page.strip().firstElementChild?.remove();
    page.guard.scan();
    await vi.waitFor(() => expect(engine.checks.at(-1)?.images.map((image) => image.hash)).toEqual([engine.analysed[1]]));
    expect(new Set(engine.analysed).size).toBe(engine.analysed.length);
  });

  it('needs an explicit "Post anyway" on a warning, then sends once', async () => {
    const engine = scriptedEngine(() => uncertainFace);
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    attach(page, 'blob:https://x.com/a');
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('warn'));
    expect(page.sends).toEqual([]);
    page.guard.postAnyway(page.panelId());
    expect(page.sends).toHaveLength(1);
    page.click();
    expect(page.sends).toHaveLength(2);
    // The audit log hears of the warning accepted and of each send, of the same post, by hash and rule ids only.
    await vi.waitFor(() => expect(page.audited.map((event) => event.kind)).toEqual(['post_anyway', 'sent', 'sent']));
    const [accepted] = page.audited;
    expect(accepted).toEqual({
      kind: 'post_anyway',
      platform: 'x',
      status: 'warn',
      rules: [{ ruleId: 'face-uncertain', count: 1 }],
      postHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(new Set(page.audited.map((event) => event.postHash)).size).toBe(1);
  });

  it('holds the post with Retry when the engine fails, and sends once when the retry passes', async () => {
    const engine = scriptedEngine((_, call) => (call === 1 ? heldFor([checkError('timeout', 'Checking the post took longer than 20 s.')]) : pass));
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    attach(page, 'blob:https://x.com/a');
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('cannot_check'));
    expect(page.sends).toEqual([]);
    page.guard.retry(page.panelId());
    await vi.waitFor(() => expect(page.sends).toHaveLength(1));
  });

  it('holds a post whose photo cannot be read or that carries a video, saying which attachment', async () => {
    const engine = scriptedEngine((request) => (request.errors.length > 0 ? heldFor(request.errors) : pass));
    const page = openPage('home-inline.html', engine.client, {
      media: new Map([['blob:https://x.com/gone', err(checkError('file_unreadable', 'Checkpost could not read a photo.'))]]),
    });
    attach(page, 'blob:https://x.com/gone');
    page.strip().insertAdjacentHTML('beforeend', '<div><video src="blob:https://x.com/clip"></video></div>');
    page.guard.scan();
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('cannot_check'));
    expect(engine.checks.at(-1)?.errors.map((error) => error.message)).toEqual([
      'Checkpost could not read a photo.',
      'Attachment 2 is a video or GIF. Checkpost cannot check videos yet, so the post is on hold: remove it to post.',
    ]);
    expect(page.sends).toEqual([]);
  });

  it('lets a text-only post straight through once its check is back', async () => {
    const engine = scriptedEngine(() => pass);
    const page = openPage('home-inline.html', engine.client);
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, ['School closes at 2pm on Friday.']);
    page.guard.scan();
    await vi.waitFor(() => expect(engine.checks.at(-1)?.text).toBe('School closes at 2pm on Friday.'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    page.click();
    expect(page.sends).toHaveLength(1);
    expect(page.view()?.kind).toBe('hidden');
  });

  it('holds a text-only post pressed before its check is back, and sends it once when the words pass', async () => {
    const engine = scriptedEngine(() => pass);
    const page = openPage('home-inline.html', engine.client);
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, ['Sports day is on Friday.']);
    page.click();
    expect(page.sends).toEqual([]);
    await vi.waitFor(() => expect(page.sends).toHaveLength(1));
    expect(engine.checks.map((check) => [check.text, check.images])).toContainEqual(['Sports day is on Friday.', []]);
  });

  it('holds a text-only post that names a pupil, quoting the post with the name highlighted', async () => {
    const text = 'Congratulations to Amelia Hughes for winning!';
    const named: Verdict = {
      status: 'block',
      findings: [{ ruleId: 'name-in-text', severity: 'block', message: "The post's text names a pupil.", evidence: [], textSpans: [{ start: 19, end: 32 }] }],
      errors: [],
    };
    const engine = scriptedEngine((request) => (request.text === text ? named : pass));
    const page = openPage('home-inline.html', engine.client);
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, [text]);
    page.guard.scan();
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('block'));
    expect(page.sends).toEqual([]);
    const view = page.view();
    if (view?.kind !== 'block') throw new Error('expected a block');
    expect(view.sendHeld).toBe(true);
    expect(view.quote?.filter((segment) => segment.severity !== null).map((segment) => segment.text)).toEqual(['Amelia Hughes']);
    page.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(page.sends).toEqual([]);
  });

  it('names a photo after the file it was picked from, analysed before its preview appeared', async () => {
    const engine = scriptedEngine(() => pass);
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    page.guard.filesAdded([{ name: 'sports-day.jpg', bytes: PHOTO_A }]);
    await vi.waitFor(() => expect(engine.analysed).toHaveLength(1));
    attach(page, 'blob:https://x.com/a');
    await vi.waitFor(() => expect(engine.checks.at(-1)?.images).toEqual([{ hash: engine.analysed[0], name: 'sports-day.jpg' }]));
  });

  it('judges the post again when a new roster is imported, instead of trusting the old verdict', async () => {
    let rosterSays: Verdict = pass;
    const engine = scriptedEngine(() => rosterSays);
    const page = openPage('home-inline.html', engine.client, { media: new Map([['blob:https://x.com/a', ok(PHOTO_A)]]) });
    attach(page, 'blob:https://x.com/a');
    await vi.waitFor(() => expect(page.view()?.kind).toBe('passed'));
    rosterSays = unknownFace;
    page.guard.rosterChanged();
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('block'));
    expect(page.sends).toEqual([]);
  });

  it("holds posting with a banner when X's Post button can no longer be recognised", async () => {
    const engine = scriptedEngine(() => pass);
    const page = openPage('broken-button.html', engine.client);
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, ['Hello']);
    page.click();
    expect(page.sends).toEqual([]);
    expect(page.view()).toMatchObject({ kind: 'hook_broken', headline: "Checkpost cannot find this composer's Post button, so posting here is on hold" });
    expect(engine.checks).toEqual([]);
  });

  it('holds every send once the extension has gone from under the page, even a post that had passed', async () => {
    let gone: CheckError | null = null;
    const engine = scriptedEngine(() => pass);
    const page = openPage('home-inline.html', engine.client, { orphaned: () => gone });
    typeInto(document.querySelector('[data-testid="tweetTextarea_0"]')!, ['Hello']);
    page.guard.scan();
    await vi.waitFor(() => expect(engine.checks).toHaveLength(1));
    gone = checkError('engine_failed', 'Checkpost was updated or restarted while this page was open.');
    page.click();
    await vi.waitFor(() => expect(page.view()?.kind).toBe('cannot_check'));
    expect(page.sends).toEqual([]);
  });
});
