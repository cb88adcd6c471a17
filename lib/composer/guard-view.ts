import type { CheckError } from '../errors';
import type { ComposerProblem } from './adapter';
import type { CheckOutcome } from './engine-client';
import { cannotCheck, hookBrokenView, verdictView, type PanelView } from './panel-view';
import type { Snapshot } from './post-snapshot';
import { sendWaiting, type SendState } from './send-state';

/** Everything a composer's panel is drawn from, as the guard holds it. */
export interface GuardFacts {
  problem: ComposerProblem | undefined;
  /** The composer has been only partly recognised for long enough that it is not just mid-render. */
  problemSettled: boolean;
  /** The extension was updated or removed under the page. */
  orphaned: CheckError | null;
  send: SendState;
  snapshot: Snapshot | null;
  outcome: CheckOutcome | undefined;
  attachments: number;
  attention: number;
  /** What the panel shows now, so a running check keeps its start time. */
  previous: PanelView | undefined;
  now: number;
}

/** The panel for a composer: a pure function of what the guard knows, so one call site draws every state. */
export function guardView(facts: GuardFacts): PanelView {
  const held = sendWaiting(facts.send);
  if (facts.problem !== undefined) return facts.problemSettled || held ? hookBrokenView(facts.problem, facts.attention) : { kind: 'hidden' };
  if (facts.orphaned !== null && held) return verdictView(cannotCheck(facts.orphaned), [], '', [], true, facts.attention);
  if (facts.snapshot === null || facts.outcome === undefined) {
    if (facts.attachments === 0 && !held) return { kind: 'hidden' };
    const startedAt = facts.previous?.kind === 'checking' ? facts.previous.startedAt : facts.now;
    return { kind: 'checking', photos: facts.attachments, startedAt, sendHeld: held };
  }
  return verdictView(facts.outcome.verdict, facts.outcome.photos, facts.snapshot.request.text, facts.snapshot.photos, held, facts.attention);
}
