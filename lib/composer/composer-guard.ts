import { checkError, type CheckError, type Result } from '../errors';
import type { PostCheckRequest, VerdictRecord } from '../messaging/protocol';
import type { AttachedMedia, Composer, ComposerAdapter } from './adapter';
import type { CheckOutcome, EngineClient } from './engine-client';
import { cannotCheck, hookBrokenView, verdictView, type ComposerPhoto, type PanelView } from './panel-view';
import type { PanelStore } from './panel-store';
import type { SendAttempt, SendDecision } from './send-gate-browser';

/** Where panels live on the page; the guard only says which composer needs one. */
export interface PanelHost {
  attach(id: string, root: Element): void;
  detach(id: string): void;
}

export interface GuardDeps {
  document: Document;
  adapter: ComposerAdapter;
  engine: EngineClient;
  /** Reads a preview's bytes (`blob:`/`data:` URL) in the page's origin. */
  readMedia(src: string): Promise<Result<Uint8Array, CheckError>>;
  hash(bytes: Uint8Array): Promise<string>;
  panels: PanelStore;
  host: PanelHost;
  /** Presses the composer's Post button once (the send gate's release). */
  release(composer: Composer): boolean;
  record(record: VerdictRecord): void;
  /** The extension was updated or removed under this page: nothing can be checked any more. */
  orphaned(): CheckError | null;
  now(): number;
  later(work: () => void, ms: number): void;
}

export interface ComposerGuard {
  decide(attempt: SendAttempt): SendDecision;
  /** Re-reads the page's composers; call after the page changed (throttled by the caller). */
  scan(): void;
  /** Files seen being attached (file input, paste, drop): analysed before the site shows them. */
  filesAdded(files: { name: string; bytes: Uint8Array }[]): void;
  postAnyway(id: string): void;
  retry(id: string): void;
  /** A new roster was imported: every verdict held was judged against the old one. */
  rosterChanged(): void;
}

/** A composer that X recognises only partly may be mid-render: wait this long before the banner. */
const PROBLEM_GRACE_MS = 1500;
/** Verdicts kept per composer (the post as it was a few edits ago, for undo). */
const OUTCOMES_KEPT = 8;
/** File names of recently picked files, kept until their previews appear. */
const PICKED_KEPT = 16;

interface Photo extends ComposerPhoto {
  hash: string;
}

interface Snapshot {
  key: string;
  photos: Photo[];
  request: PostCheckRequest;
}

interface Session {
  id: string;
  composer: Composer;
  signature: string;
  outcomes: Map<string, CheckOutcome>;
  /** The post as it stood when "Post anyway" was pressed on its warning. */
  acceptedKey: string | null;
  /**
   * The post (texts and media) as it stood when a publish gesture was held: it is sent once its
   * verdict clears it. Changing the post drops the send; the person presses Post again.
   */
  heldSignature: string | null;
  attention: number;
  dirty: boolean;
  running: boolean;
  problemSince: number | null;
  attached: boolean;
}

interface MediaEntry {
  done: Promise<void>;
  result: Result<{ hash: string }, CheckError> | null;
}

/**
 * Decides, for every attempt to publish, whether the site may have it: only when the post exactly
 * as it stands now has a pass (or a warning someone accepted). Everything else holds the post and
 * starts or shows the check. Photos are read and analysed as soon as they are attached.
 */
export function createComposerGuard(deps: GuardDeps): ComposerGuard {
  const sessions = new Map<Element, Session>();
  const media = new Map<string, MediaEntry>();
  const bytesByHash = new Map<string, Uint8Array>();
  const namesByHash = new Map<string, string>();
  /** Photos already sent to the engine: a picked file and its preview are usually the same bytes. */
  const sentToEngine = new Set<string>();
  let nextId = 1;

  /** Starts the engine on a photo now, so the verdict is ready by the time Post is pressed. */
  const startAnalysis = (hash: string, name: string, bytes: Uint8Array) => {
    if (sentToEngine.has(hash)) return;
    sentToEngine.add(hash);
    void deps.engine.analyse({ hash, name, bytes }).then((result) => {
      // A failed head start is not remembered: the check itself sends the photo again.
      if (!result.ok) sentToEngine.delete(hash);
    });
  };

  const sessionOf = (composer: Composer): Session => {
    let session = sessions.get(composer.root);
    if (session === undefined) {
      session = {
        id: `composer-${nextId++}`,
        composer,
        signature: '',
        outcomes: new Map(),
        acceptedKey: null,
        heldSignature: null,
        attention: 0,
        dirty: false,
        running: false,
        problemSince: null,
        attached: false,
      };
      sessions.set(composer.root, session);
    }
    session.composer = composer;
    return session;
  };

  const readEntry = (src: string): MediaEntry => {
    const existing = media.get(src);
    if (existing !== undefined) return existing;
    const entry: MediaEntry = { done: Promise.resolve(), result: null };
    entry.done = (async () => {
      const read = await deps.readMedia(src);
      if (!read.ok) {
        entry.result = read;
        return;
      }
      const hash = await deps.hash(read.value);
      bytesByHash.set(hash, read.value);
      entry.result = { ok: true, value: { hash } };
      startAnalysis(hash, namesByHash.get(hash) ?? 'photo', read.value);
    })();
    media.set(src, entry);
    void entry.done.then(() => {
      for (const session of sessions.values()) if (deps.adapter.attachedMedia(session.composer).some((item) => item.src === src)) void refresh(session);
    });
    return entry;
  };

  const readable = (item: AttachedMedia): item is AttachedMedia & { src: string } => item.kind === 'image' && item.src !== null && /^(blob:|data:image\/)/.test(item.src);

  const mediaError = (item: AttachedMedia, position: number): CheckError =>
    item.kind === 'video'
      ? checkError('image_unsupported', `Attachment ${position} is a video or GIF. Checkpost cannot check videos yet, so the post is on hold: remove it to post.`)
      : checkError('file_unreadable', `Checkpost cannot read attachment ${position}, so the post is on hold. Remove it and attach the photo again from your computer.`);

  /** The post exactly as it stands, or null while an attached photo is still being read. */
  const snapshot = (session: Session): Snapshot | null => {
    const { adapter } = deps;
    const texts = adapter.readTexts(session.composer);
    const photos: Photo[] = [];
    const errors: CheckError[] = [];
    for (const [index, item] of adapter.attachedMedia(session.composer).entries()) {
      if (!readable(item)) {
        errors.push(mediaError(item, index + 1));
        continue;
      }
      const result = readEntry(item.src).result;
      if (result === null) return null;
      if (!result.ok) errors.push(result.error);
      else photos.push({ hash: result.value.hash, name: namesByHash.get(result.value.hash) ?? `Photo ${index + 1}`, src: item.src });
    }
    const images = photos.map(({ hash, name }) => ({ hash, name }));
    const key = JSON.stringify([texts, images, errors.map((error) => error.message)]);
    const text = texts.filter((part) => part.trim() !== '').join('\n\n');
    return { key, photos, request: { platform: adapter.platform, text, images, errors } };
  };

  const settledSnapshot = async (session: Session): Promise<Snapshot> => {
    for (;;) {
      const current = snapshot(session);
      if (current !== null) return current;
      const reading = deps.adapter
        .attachedMedia(session.composer)
        .filter(readable)
        .map((item) => readEntry(item.src).done);
      await Promise.all(reading);
    }
  };

  const cleared = (session: Session, key: string, outcome: CheckOutcome): boolean =>
    outcome.verdict.status === 'pass' || (outcome.verdict.status === 'warn' && session.acceptedKey === key);

  /** An empty composer is not checked (nor the engine woken for it) until something is typed or attached. */
  const isEmpty = (composer: Composer): boolean => deps.adapter.attachedMedia(composer).length === 0 && deps.adapter.readTexts(composer).every((text) => text.trim() === '');

  const signatureOf = (composer: Composer): string => JSON.stringify([deps.adapter.readTexts(composer), deps.adapter.attachedMedia(composer)]);

  /** Whether a held send still stands: it lapses as soon as the post it was for is changed. */
  const sendHeld = (session: Session): boolean => {
    if (session.heldSignature !== null && session.heldSignature !== signatureOf(session.composer)) session.heldSignature = null;
    return session.heldSignature !== null;
  };

  const show = (session: Session, view: PanelView) => {
    if (view.kind !== 'hidden') {
      // Every time, not once: the host re-mounts a panel the site's re-rendering removed.
      session.attached = true;
      deps.host.attach(session.id, session.composer.root);
    }
    deps.panels.getState().show(session.id, view);
  };

  const render = (session: Session) => {
    const { problem } = session.composer;
    if (problem !== undefined) {
      const settled = session.problemSince !== null && deps.now() - session.problemSince >= PROBLEM_GRACE_MS;
      show(session, settled || sendHeld(session) ? hookBrokenView(problem, session.attention) : { kind: 'hidden' });
      return;
    }
    const orphaned = deps.orphaned();
    const held = sendHeld(session);
    if (orphaned !== null && held) {
      show(session, verdictView(cannotCheck(orphaned), [], '', [], true, session.attention));
      return;
    }
    const current = snapshot(session);
    const outcome = current === null ? undefined : session.outcomes.get(current.key);
    if (current === null || outcome === undefined) {
      const photos = deps.adapter.attachedMedia(session.composer).length;
      const previous = deps.panels.getState().panels[session.id];
      const startedAt = previous?.kind === 'checking' ? previous.startedAt : deps.now();
      show(session, photos > 0 || held ? { kind: 'checking', photos, startedAt, sendHeld: held } : { kind: 'hidden' });
      return;
    }
    show(session, verdictView(outcome.verdict, outcome.photos, current.request.text, current.photos, held, session.attention));
  };

  /** Acts on the verdict for the post as it stands now: sends a held post that is now cleared. */
  const settle = (session: Session) => {
    const current = snapshot(session);
    const outcome = current === null ? undefined : session.outcomes.get(current.key);
    const releasable = current !== null && outcome !== undefined && deps.orphaned() === null;
    if (releasable && sendHeld(session) && cleared(session, current.key, outcome)) {
      session.heldSignature = null;
      render(session);
      deps.release(session.composer);
      return;
    }
    render(session);
  };

  /** The popup's history keeps no words, messages or names: rule ids and error codes with counts, and a hash of the post. */
  const record = (snap: Snapshot, outcome: CheckOutcome) => {
    const { verdict } = outcome;
    if (snap.photos.length === 0 && verdict.status === 'pass') return;
    const at = deps.now();
    const counted = <T extends string>(keys: T[]): [T, number][] => [...keys.reduce((tally, key) => tally.set(key, (tally.get(key) ?? 0) + 1), new Map<T, number>())];
    const rules = counted(verdict.findings.map((finding) => finding.ruleId)).map(([ruleId, count]) => ({ ruleId, count }));
    const errors = counted(verdict.errors.map((error) => error.code)).map(([code, count]) => ({ code, count }));
    const post = new TextEncoder().encode(JSON.stringify([snap.request.text, snap.photos.map((photo) => photo.hash)]));
    void deps.hash(post).then((postHash) => deps.record({ at, platform: deps.adapter.platform, status: verdict.status, photos: snap.photos.length, rules, errors, postHash }));
  };

  /** Checks the post until the verdict matches what the composer holds; concurrent calls coalesce. */
  const refresh = async (session: Session): Promise<void> => {
    session.dirty = true;
    if (session.running) return;
    session.running = true;
    try {
      while (session.dirty && session.composer.root.isConnected) {
        session.dirty = false;
        if (session.composer.problem !== undefined) break;
        render(session);
        const snap = await settledSnapshot(session);
        if (!session.outcomes.has(snap.key)) {
          const orphaned = deps.orphaned();
          const outcome = orphaned === null ? await deps.engine.check(snap.request, (hash) => bytesByHash.get(hash)) : { photos: [], verdict: cannotCheck(orphaned) };
          session.outcomes.set(snap.key, outcome);
          const oldest = session.outcomes.keys().next();
          if (session.outcomes.size > OUTCOMES_KEPT && !oldest.done) session.outcomes.delete(oldest.value);
          record(snap, outcome);
        }
        settle(session);
      }
    } finally {
      session.running = false;
    }
  };

  const forgetUnused = (live: Composer[]) => {
    const inUse = new Set(live.flatMap((composer) => deps.adapter.attachedMedia(composer).map((item) => item.src)));
    for (const [src, entry] of media) if (!inUse.has(src) && entry.result !== null) media.delete(src);
    const hashes = new Set([...media.values()].flatMap((entry) => (entry.result?.ok ? [entry.result.value.hash] : [])));
    const picked = [...namesByHash.keys()].slice(-PICKED_KEPT);
    for (const hash of bytesByHash.keys()) if (!hashes.has(hash) && !picked.includes(hash)) bytesByHash.delete(hash);
    for (const hash of namesByHash.keys()) if (!picked.includes(hash)) namesByHash.delete(hash);
  };

  const sessionById = (id: string): Session | undefined => [...sessions.values()].find((session) => session.id === id);

  return {
    decide({ composer, publishes }) {
      const session = sessionOf(composer);
      if (publishes) session.attention += 1;
      if (composer.problem !== undefined) {
        if (publishes) session.heldSignature = signatureOf(composer);
        render(session);
        return 'hold';
      }
      const current = deps.orphaned() === null ? snapshot(session) : null;
      const outcome = current === null ? undefined : session.outcomes.get(current.key);
      if (current !== null && outcome !== undefined && cleared(session, current.key, outcome)) {
        if (publishes) session.heldSignature = null;
        return 'allow';
      }
      if (publishes) {
        session.heldSignature = signatureOf(composer);
        // Pressing Post again on a post that could not be checked is a retry.
        if (current !== null && outcome?.verdict.status === 'cannot_check') session.outcomes.delete(current.key);
      }
      render(session);
      void refresh(session);
      return 'hold';
    },

    scan() {
      const composers = deps.adapter.findComposers(deps.document);
      for (const composer of composers) {
        const session = sessionOf(composer);
        if (composer.problem !== undefined) {
          if (session.problemSince === null) {
            session.problemSince = deps.now();
            deps.later(() => render(session), PROBLEM_GRACE_MS);
          }
          render(session);
          continue;
        }
        session.problemSince = null;
        const items = deps.adapter.attachedMedia(composer);
        for (const item of items) if (readable(item)) readEntry(item.src);
        const signature = signatureOf(composer);
        if (signature === session.signature) continue;
        session.signature = signature;
        if (isEmpty(composer)) render(session);
        else void refresh(session);
      }
      for (const [root, session] of sessions) {
        if (root.isConnected) continue;
        sessions.delete(root);
        deps.panels.getState().remove(session.id);
        if (session.attached) deps.host.detach(session.id);
      }
      forgetUnused(composers);
    },

    filesAdded(files) {
      for (const file of files) {
        void deps.hash(file.bytes).then((hash) => {
          bytesByHash.set(hash, file.bytes);
          namesByHash.set(hash, file.name);
          startAnalysis(hash, file.name, file.bytes);
        });
      }
    },

    postAnyway(id) {
      const session = sessionById(id);
      const current = session === undefined ? null : snapshot(session);
      if (session === undefined || current === null) return;
      if (session.outcomes.get(current.key)?.verdict.status !== 'warn') return;
      session.acceptedKey = current.key;
      // "Post anyway" is itself the decision to publish.
      session.heldSignature = signatureOf(session.composer);
      settle(session);
    },

    rosterChanged() {
      sentToEngine.clear();
      for (const session of sessions.values()) {
        session.outcomes.clear();
        session.acceptedKey = null;
        if (session.composer.problem === undefined && !isEmpty(session.composer)) void refresh(session);
      }
    },

    retry(id) {
      const session = sessionById(id);
      if (session === undefined) return;
      for (const [key, outcome] of session.outcomes) if (outcome.verdict.status === 'cannot_check') session.outcomes.delete(key);
      for (const [src, entry] of media) if (entry.result !== null && !entry.result.ok) media.delete(src);
      void refresh(session);
    },
  };
}
