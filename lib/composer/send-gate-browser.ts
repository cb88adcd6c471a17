import type { Composer, ComposerAdapter } from './adapter';

export interface SendAttempt {
  composer: Composer;
  /** True for the gestures that publish (click, Ctrl/Cmd+Enter, Enter/Space); false for the presses before them. */
  publishes: boolean;
}

/** Allow lets the site's own handler run; hold stops it before it sees the event. */
export type SendDecision = 'allow' | 'hold';

export interface SendGate {
  /** Presses the composer's Post button once, for a send that was held and is now cleared. */
  release(composer: Composer): boolean;
  dispose(): void;
}

/** Presses before the click that X (react-native-web) may act on; all are held with the click. */
const PRESS_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend'] as const;

/**
 * Puts Checkpost in front of every way a post leaves the composer. Listeners sit on `window` in
 * the capture phase, added at document_start before any of the site's scripts run, so they see
 * each event first and a held event never reaches the site's handlers.
 *
 * The listeners are deliberately not bound to the content script's lifetime: when the extension
 * is updated the old script keeps holding posts (with a message) rather than letting them through.
 */
export function installSendGate(win: Window, adapter: ComposerAdapter, decide: (attempt: SendAttempt) => SendDecision): SendGate {
  const controller = new AbortController();
  const options = { capture: true, signal: controller.signal };
  /** The one click Checkpost itself dispatches on release; it must reach the site. */
  let releasing: HTMLElement | null = null;

  const hold = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  const onPress = (event: Event) => {
    const found = adapter.sendButtonAt(event.target);
    if (found !== null && decide({ composer: found.composer, publishes: false }) === 'hold') hold(event);
  };

  const onClick = (event: MouseEvent) => {
    const found = adapter.sendButtonAt(event.target);
    if (found === null) return;
    if (releasing !== null && releasing === found.button) return;
    if (decide({ composer: found.composer, publishes: true }) === 'hold') hold(event);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      const composer = adapter.composerOfEditor(event.target);
      if (composer !== null) {
        if (decide({ composer, publishes: event.type === 'keydown' }) === 'hold') hold(event);
        return;
      }
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const found = adapter.sendButtonAt(event.target);
    if (found === null) return;
    // Enter clicks a button on keydown, Space on keyup: both halves are held, the keydown counts as the send.
    if (decide({ composer: found.composer, publishes: event.type === 'keydown' }) === 'hold') hold(event);
  };

  for (const type of PRESS_EVENTS) win.addEventListener(type, onPress, options);
  win.addEventListener('click', onClick, options);
  win.addEventListener('keydown', onKey, options);
  win.addEventListener('keyup', onKey, options);

  return {
    release(composer) {
      const button = composer.sendButtons.find((candidate) => candidate.isConnected);
      if (button === undefined) return false;
      releasing = button;
      try {
        button.click();
      } finally {
        releasing = null;
      }
      return true;
    },
    dispose: () => controller.abort(),
  };
}
