import { LRUCache } from 'lru-cache';
import type { Composer } from './adapter';
import { coalesced } from './coalesce';
import type { CheckOutcome } from './engine-client';
import type { PageAuditEvent } from '../messaging/protocol';
import type { ComposerGuard, GuardDeps } from './guard-types';
import { guardView } from './guard-view';
import { createMediaCache } from './media-cache';
import { cannotCheck, type PanelView } from './panel-view';
import { fingerprintOf, isEmpty, readable, settledSnapshot, snapshotOf, type Snapshot } from './post-snapshot';
import { IDLE, nextSendState, type SendState } from './send-state';
import { pageAuditEvent, verdictRecord } from './verdict-record';

/** A composer that the site shows only partly may be mid-render: wait this long before the banner. */
const PROBLEM_GRACE_MS = 1500;
/** Verdicts kept per composer (the post as it was a few edits ago, for undo). */
const OUTCOMES_KEPT = 8;

interface Session {
  id: string;
  composer: Composer;
  /** The fingerprint the last scan saw, so only a changed post is checked again. */
  seen: string;
  outcomes: LRUCache<string, CheckOutcome>;
  /** The post whose warning someone accepted with "Post anyway". */
  accepted: string | null;
  send: SendState;
  /** Changes each time the panel needs the person's attention. */
  attention: number;
  problemSince: number | null;
  /** Checks the post until the verdict matches what the composer holds. */
  refresh(): void;
}

/**
 * Decides, for every attempt to publish, whether the site may have it: only when the post exactly
 * as it stands now has a pass (or a warning someone accepted). Everything else holds the post and
 * starts or shows the check. Photos are read and analysed as soon as they are attached.
 */
export function createComposerGuard(deps: GuardDeps): ComposerGuard {
  const { adapter } = deps;
  const sessions = new Map<Element, Session>();
  const media = createMediaCache({ readMedia: deps.readMedia, hash: deps.hash, analyse: (photo) => deps.engine.analyse(photo) }, (src) => {
    for (const session of sessions.values()) if (adapter.attachedMedia(session.composer).some((item) => item.src === src)) session.refresh();
  });
  let nextId = 1;

  const cleared = (session: Session, fingerprint: string, outcome: CheckOutcome): boolean =>
    outcome.verdict.status === 'pass' || (outcome.verdict.status === 'warn' && session.accepted === fingerprint);

  const audit = (kind: PageAuditEvent['kind'], snapshot: Snapshot, outcome: CheckOutcome) =>
    void pageAuditEvent(kind, snapshot, outcome.verdict, adapter.platform, deps.hash).then(deps.audit);

  /** The one place a composer's state turns into what staff see, and a cleared held send into a press of Post. */
  const update = (session: Session) => {
    const { composer } = session;
    const orphaned = deps.orphaned();
    const snapshot = composer.problem === undefined ? snapshotOf(adapter, composer, media) : null;
    const outcome = snapshot === null ? undefined : session.outcomes.get(snapshot.fingerprint);
    session.send = nextSendState(session.send, { kind: 'changed', fingerprint: fingerprintOf(adapter, composer) });
    if (snapshot !== null && outcome !== undefined && orphaned === null) {
      session.send = nextSendState(session.send, { kind: 'verdict', fingerprint: snapshot.fingerprint, clears: cleared(session, snapshot.fingerprint, outcome) });
    }
    const problemSettled = session.problemSince !== null && deps.now() - session.problemSince >= PROBLEM_GRACE_MS;
    const previous = deps.panels.getState().panels[session.id];
    const attachments = adapter.attachedMedia(composer).length;
    const view: PanelView = guardView({
      problem: composer.problem,
      problemSettled,
      orphaned,
      send: session.send,
      snapshot,
      outcome,
      attachments,
      attention: session.attention,
      previous,
      now: deps.now(),
    });
    // Every time, not once: the host re-mounts a panel the site's re-rendering removed.
    if (view.kind !== 'hidden') deps.host.attach(session.id, composer.root);
    deps.panels.getState().show(session.id, view);
    if (session.send.kind === 'releasing') {
      session.send = nextSendState(session.send, { kind: 'sent' });
      // Releasing happens only once the post as it stands has cleared, so both are there.
      if (deps.release(composer) && snapshot !== null && outcome !== undefined) audit('sent', snapshot, outcome);
    }
  };

  const check = async (session: Session): Promise<boolean> => {
    if (!session.composer.root.isConnected || session.composer.problem !== undefined) return false;
    update(session);
    const snapshot = await settledSnapshot(adapter, session.composer, media);
    if (!session.outcomes.has(snapshot.fingerprint)) {
      const orphaned = deps.orphaned();
      const outcome = orphaned === null ? await deps.engine.check(snapshot.request, media.bytesOf) : { photos: [], verdict: cannotCheck(orphaned) };
      session.outcomes.set(snapshot.fingerprint, outcome);
      void verdictRecord(snapshot, outcome.verdict, adapter.platform, deps.now(), deps.hash).then((record) => record && deps.record(record));
    }
    update(session);
    return true;
  };

  const sessionOf = (composer: Composer): Session => {
    let session = sessions.get(composer.root);
    if (session === undefined) {
      const created: Session = {
        id: `composer-${nextId++}`,
        composer,
        seen: '',
        outcomes: new LRUCache({ max: OUTCOMES_KEPT }),
        accepted: null,
        send: IDLE,
        attention: 0,
        problemSince: null,
        refresh: coalesced(() => check(created)),
      };
      session = created;
      sessions.set(composer.root, session);
    }
    session.composer = composer;
    return session;
  };

  const sessionById = (id: string): Session | undefined => [...sessions.values()].find((session) => session.id === id);

  return {
    decide({ composer, publishes }) {
      const session = sessionOf(composer);
      const fingerprint = fingerprintOf(adapter, composer);
      if (publishes) session.attention += 1;
      const current = composer.problem === undefined && deps.orphaned() === null ? snapshotOf(adapter, composer, media) : null;
      const outcome = current === null ? undefined : session.outcomes.get(current.fingerprint);
      if (current !== null && outcome !== undefined && cleared(session, current.fingerprint, outcome)) {
        if (publishes) {
          session.send = nextSendState(session.send, { kind: 'sent' });
          audit('sent', current, outcome);
        }
        return 'allow';
      }
      if (publishes) {
        // Pressing Post again on a post that could not be checked is a retry.
        const retrying = outcome?.verdict.status === 'cannot_check';
        if (retrying) session.outcomes.delete(current!.fingerprint);
        session.send = nextSendState(session.send, { kind: 'publish', fingerprint, verdict: outcome === undefined || retrying ? 'pending' : 'holds' });
      }
      update(session);
      session.refresh();
      return 'hold';
    },

    scan() {
      const composers = adapter.findComposers(deps.document);
      for (const composer of composers) {
        const session = sessionOf(composer);
        if (composer.problem !== undefined) {
          if (session.problemSince === null) {
            session.problemSince = deps.now();
            deps.later(() => update(session), PROBLEM_GRACE_MS);
          }
          update(session);
          continue;
        }
        session.problemSince = null;
        for (const item of adapter.attachedMedia(composer)) if (readable(item)) media.entry(item.src);
        const fingerprint = fingerprintOf(adapter, composer);
        if (fingerprint === session.seen) continue;
        session.seen = fingerprint;
        if (isEmpty(adapter, composer)) update(session);
        else session.refresh();
      }
      for (const [root, session] of sessions) {
        if (root.isConnected) continue;
        sessions.delete(root);
        deps.panels.getState().remove(session.id);
        deps.host.detach(session.id);
      }
      media.keepOnly(new Set(composers.flatMap((composer) => adapter.attachedMedia(composer).flatMap((item) => (item.src === null ? [] : [item.src])))));
    },

    filesAdded: (files) => media.picked(files),

    postAnyway(id) {
      const session = sessionById(id);
      const current = session === undefined ? null : snapshotOf(adapter, session.composer, media);
      if (session === undefined || current === null || session.outcomes.get(current.fingerprint)?.verdict.status !== 'warn') return;
      session.accepted = current.fingerprint;
      audit('post_anyway', current, session.outcomes.get(current.fingerprint)!);
      // "Post anyway" is itself the decision to publish.
      session.send = nextSendState(session.send, { kind: 'publish', fingerprint: current.fingerprint, verdict: 'holds' });
      update(session);
    },

    rosterChanged() {
      for (const session of sessions.values()) {
        session.outcomes.clear();
        session.accepted = null;
        if (session.composer.problem === undefined && !isEmpty(adapter, session.composer)) session.refresh();
      }
    },

    retry(id) {
      const session = sessionById(id);
      if (session === undefined) return;
      for (const [fingerprint, outcome] of session.outcomes.entries()) if (outcome.verdict.status === 'cannot_check') session.outcomes.delete(fingerprint);
      media.dropFailures();
      session.refresh();
    },
  };
}
