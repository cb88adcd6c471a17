// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendAttempt, SendDecision, SendGate } from '../../../lib/composer/send-gate-browser';
import { installSendGate } from '../../../lib/composer/send-gate-browser';
import { xAdapter } from '../../../lib/composer/x/adapter';
import { loadFixture } from './load-fixture';

/** X's handlers live on its React root (delegation), so the gate on window must see events first. */
function siteHandlers(doc: Document) {
  const seen: string[] = [];
  const root = doc.getElementById('react-root') as HTMLElement;
  for (const type of ['pointerdown', 'mousedown', 'click', 'keydown', 'keyup']) {
    root.addEventListener(type, (event) => {
      const target = event.target as Element;
      if (target.closest('[data-testid^="tweetButton"]') || target.closest('[contenteditable]')) seen.push(type);
    });
  }
  return seen;
}

describe('send gate', () => {
  let gate: SendGate;
  let decision: SendDecision;
  let attempts: SendAttempt[];
  let seen: string[];

  beforeEach(() => {
    const doc = loadFixture('x', 'home-inline.html');
    seen = siteHandlers(doc);
    attempts = [];
    decision = 'hold';
    gate = installSendGate(window, xAdapter, (attempt) => {
      attempts.push(attempt);
      return decision;
    });
  });
  afterEach(() => gate.dispose());

  const button = () => document.querySelector('[data-testid="tweetButtonInline"] span') as HTMLElement;
  const editor = () => document.querySelector('[data-testid="tweetTextarea_0"]') as HTMLElement;

  it('keeps a held click and its presses from the site, and counts only the click as a send', () => {
    button().dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true }));
    button().dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    button().dispatchEvent(click);
    expect(seen).toEqual([]);
    expect(click.defaultPrevented).toBe(true);
    expect(attempts.map((attempt) => attempt.publishes)).toEqual([false, false, true]);
  });

  it('lets an allowed click through untouched', () => {
    decision = 'allow';
    button().click();
    expect(seen).toEqual(['click']);
  });

  it('holds Ctrl+Enter and Cmd+Enter in the editor but not plain typing', () => {
    editor().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    editor().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, cancelable: true }));
    expect(seen).toEqual([]);
    editor().dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true }));
    expect(seen).toEqual(['keydown']);
    expect(attempts).toHaveLength(2);
  });

  it('holds Enter and Space on a focused Post button', () => {
    const postButton = document.querySelector('[data-testid="tweetButtonInline"]') as HTMLElement;
    postButton.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    postButton.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    postButton.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', bubbles: true, cancelable: true }));
    expect(seen).toEqual([]);
    expect(attempts.map((attempt) => attempt.publishes)).toEqual([true, true, false]);
  });

  it('releases a held send with exactly one click the site sees, without asking again', () => {
    button().click();
    expect(seen).toEqual([]);
    const composer = attempts[0]?.composer;
    expect(composer).toBeDefined();
    expect(gate.release(composer!)).toBe(true);
    expect(seen).toEqual(['click']);
    expect(attempts).toHaveLength(1);
    // The next press is decided afresh: the release was for one click only.
    button().click();
    expect(seen).toEqual(['click']);
  });

  it('stops guarding once disposed', () => {
    gate.dispose();
    button().click();
    expect(seen).toEqual(['click']);
  });
});
