/**
 * Where one composer's attempt to publish stands. Every attempt is for the post exactly as it
 * stood when Post was pressed (its fingerprint); changing the post drops the attempt, and the
 * person presses Post again.
 *
 *   idle ──publish──▶ checking ──verdict clears──▶ releasing ────sent────▶ idle
 *                        │  ▲                          ▲
 *          verdict holds ▼  │ publish again (retry)    │ "Post anyway" on a warning
 *                        held ─────────────────────────┘
 *
 * A publish on a post that is already cleared never enters this machine: the site's own
 * handler takes it (the guard answers "allow").
 */
export type SendState =
  | { kind: 'idle' }
  /** Post was pressed; the verdict on this post is not in yet. */
  | { kind: 'checking'; fingerprint: string }
  /** Post was pressed and the verdict does not clear this post: it stays unsent. */
  | { kind: 'held'; fingerprint: string }
  /** The verdict clears the post Post was pressed on: Checkpost presses Post once for it. */
  | { kind: 'releasing'; fingerprint: string };

export type SendEvent =
  /** A publish gesture on a post not yet cleared (`verdict`: what is known of this post so far). */
  | { kind: 'publish'; fingerprint: string; verdict: 'pending' | 'holds' }
  /** The verdict on this post arrived, or "Post anyway" accepted its warning. */
  | { kind: 'verdict'; fingerprint: string; clears: boolean }
  /** The composer now holds this post (typed, attached, removed): an attempt for another lapses. */
  | { kind: 'changed'; fingerprint: string }
  /** The post went to the site: Checkpost pressed Post for it, or it was already cleared. */
  | { kind: 'sent' };

export const IDLE: SendState = { kind: 'idle' };

export function nextSendState(state: SendState, event: SendEvent): SendState {
  switch (event.kind) {
    case 'publish':
      return { kind: event.verdict === 'pending' ? 'checking' : 'held', fingerprint: event.fingerprint };
    case 'verdict':
      if (state.kind === 'idle' || state.fingerprint !== event.fingerprint) return state;
      return { kind: event.clears ? 'releasing' : 'held', fingerprint: event.fingerprint };
    case 'changed':
      return state.kind !== 'idle' && state.fingerprint !== event.fingerprint ? IDLE : state;
    case 'sent':
      return IDLE;
  }
}

/** Whether a Post press is waiting on this composer (the panel says so). */
export const sendWaiting = (state: SendState): boolean => state.kind === 'checking' || state.kind === 'held';
