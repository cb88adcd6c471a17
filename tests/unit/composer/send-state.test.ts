import { describe, expect, it } from 'vitest';
import { IDLE, nextSendState, sendWaiting, type SendState } from '../../../lib/composer/send-state';

const run = (state: SendState, ...events: Parameters<typeof nextSendState>[1][]): SendState => events.reduce(nextSendState, state);

describe('send state', () => {
  it('holds a Post press until the verdict on that post is in, then releases it once', () => {
    const checking = run(IDLE, { kind: 'publish', fingerprint: 'a', verdict: 'pending' });
    expect(checking).toEqual({ kind: 'checking', fingerprint: 'a' });
    expect(sendWaiting(checking)).toBe(true);
    const releasing = run(checking, { kind: 'verdict', fingerprint: 'a', clears: true });
    expect(releasing).toEqual({ kind: 'releasing', fingerprint: 'a' });
    expect(sendWaiting(releasing)).toBe(false);
    expect(run(releasing, { kind: 'sent' })).toEqual(IDLE);
  });

  it('keeps a blocked post held, and never releases it on the verdict of another post', () => {
    const held = run(IDLE, { kind: 'publish', fingerprint: 'a', verdict: 'pending' }, { kind: 'verdict', fingerprint: 'a', clears: false });
    expect(held).toEqual({ kind: 'held', fingerprint: 'a' });
    expect(run(held, { kind: 'verdict', fingerprint: 'b', clears: true })).toEqual(held);
    expect(run(IDLE, { kind: 'verdict', fingerprint: 'a', clears: true })).toEqual(IDLE);
  });

  it('drops a held send as soon as the post changes, and keeps it while it does not', () => {
    const held = run(IDLE, { kind: 'publish', fingerprint: 'a', verdict: 'holds' });
    expect(run(held, { kind: 'changed', fingerprint: 'a' })).toEqual(held);
    expect(run(held, { kind: 'changed', fingerprint: 'a, edited' })).toEqual(IDLE);
  });

  it('releases a warned post once its warning is accepted', () => {
    const held = run(IDLE, { kind: 'publish', fingerprint: 'a', verdict: 'holds' });
    expect(run(held, { kind: 'verdict', fingerprint: 'a', clears: true })).toEqual({ kind: 'releasing', fingerprint: 'a' });
  });
});
