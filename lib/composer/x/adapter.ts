import type { AttachedMedia, Composer, ComposerAdapter } from '../adapter';
import { ANY_BUTTON, ANY_EDITOR, ATTACHMENT_MEDIA, ATTACHMENTS, DIALOG, EDITOR, MAX_COMPOSER_DEPTH, SEND_BUTTON, SEND_LABEL, STYLED_PREVIEW } from './selectors';

/** Reads X's composers: the inline home composer, inline replies, the /compose/post modal and threads. */
export const xAdapter: ComposerAdapter = {
  platform: 'x',

  findComposers(document) {
    const composers = new Map<Element, Composer>();
    const add = (composer: Composer | null) => {
      if (composer !== null && !composers.has(composer.root)) composers.set(composer.root, composer);
    };
    for (const button of document.querySelectorAll<HTMLElement>(SEND_BUTTON)) add(composerFromButton(button));
    for (const editor of document.querySelectorAll(ANY_EDITOR)) add(composerFromEditor(editor));
    return [...composers.values()];
  },

  sendButtonAt(target) {
    const element = asElement(target);
    if (element === null) return null;
    const button = element.closest<HTMLElement>(SEND_BUTTON) ?? labelledSendButton(element);
    if (button === null) return null;
    const composer = composerFromButton(button);
    return composer === null ? null : { button, composer };
  },

  composerOfEditor(target) {
    const editor = asElement(target)?.closest(ANY_EDITOR);
    return editor ? composerFromEditor(editor) : null;
  },

  readTexts(composer) {
    // innerText keeps the editor's line breaks (one block per line); textContent would run lines together.
    return composer.editors.map((editor) => (editor.innerText ?? editor.textContent ?? '').replace(/\n+$/, ''));
  },

  attachedMedia(composer) {
    const media: AttachedMedia[] = [];
    const seen = new Set<string>();
    const add = (item: AttachedMedia) => {
      if (item.src !== null) {
        if (seen.has(item.src)) return;
        seen.add(item.src);
      }
      media.push(item);
    };
    for (const area of composer.root.querySelectorAll(ATTACHMENTS)) {
      for (const element of area.querySelectorAll(ATTACHMENT_MEDIA)) {
        const isVideo = element.tagName.toLowerCase() === 'video';
        const src = element.getAttribute('src') ?? (isVideo ? (element.querySelector('source')?.getAttribute('src') ?? null) : null);
        add({ kind: isVideo ? 'video' : 'image', src });
      }
    }
    // A local preview anywhere else in the composer is still an attachment, whatever X calls its strip.
    for (const image of composer.root.querySelectorAll('img[src^="blob:"], img[src^="data:image/"]')) {
      add({ kind: 'image', src: image.getAttribute('src') });
    }
    for (const element of composer.root.querySelectorAll(STYLED_PREVIEW)) {
      const src = /url\(["']?(blob:[^"')]+)["']?\)/.exec(element.getAttribute('style') ?? '')?.[1];
      if (src !== undefined) add({ kind: 'image', src });
    }
    return media;
  },
};

const asElement = (target: EventTarget | null): Element | null => (target !== null && typeof (target as Element).closest === 'function' ? (target as Element) : null);

const labelOf = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A publish button recognised by its label alone: X changed its test id, or never had one here. */
function labelledSendButton(element: Element): HTMLElement | null {
  const button = element.closest<HTMLElement>(ANY_BUTTON);
  if (button === null || !SEND_LABEL.test(labelOf(button))) return null;
  return composerRoot(button, (node) => node.querySelector(ANY_EDITOR) !== null) === null ? null : button;
}

const hasSendButton = (node: Element): boolean =>
  node.querySelector(SEND_BUTTON) !== null || [...node.querySelectorAll(ANY_BUTTON)].some((button) => SEND_LABEL.test(labelOf(button)));

/**
 * A modal holds exactly one composer, so it is the root; elsewhere the root is the nearest
 * ancestor that also holds the other half (editor for a button, button for an editor).
 */
function composerRoot(start: Element, holdsOtherHalf: (node: Element) => boolean): Element | null {
  const dialog = start.closest(DIALOG);
  if (dialog !== null) return holdsOtherHalf(dialog) ? dialog : null;
  let node = start.parentElement;
  for (let depth = 0; node !== null && depth < MAX_COMPOSER_DEPTH; depth += 1) {
    if (holdsOtherHalf(node)) return node;
    if (node.tagName.toLowerCase() === 'main' || node.tagName.toLowerCase() === 'body') break;
    node = node.parentElement;
  }
  return null;
}

function composerAt(root: Element): Composer {
  const editors = [...root.querySelectorAll<HTMLElement>(EDITOR)];
  const sendButtons = [...root.querySelectorAll<HTMLElement>(SEND_BUTTON)];
  const composer: Composer = { root, editors, sendButtons };
  if (sendButtons.length === 0) composer.problem = 'no_send_button';
  else if (editors.length === 0) composer.problem = 'no_editor';
  return composer;
}

function composerFromButton(button: HTMLElement): Composer | null {
  const root = composerRoot(button, (node) => node.querySelector(ANY_EDITOR) !== null);
  if (root !== null) return composerAt(root);
  // X's Post button with no editor anywhere near: the editor's markup changed.
  return button.matches(SEND_BUTTON) ? { root: button.parentElement ?? button, editors: [], sendButtons: [button], problem: 'no_editor' } : null;
}

function composerFromEditor(editor: Element): Composer | null {
  const root = composerRoot(editor, hasSendButton);
  if (root !== null) return composerAt(root);
  // X's own editor with no Post button near it: the button's markup changed. Any other
  // editable box without a publish button (direct messages, search) is not a composer.
  return editor.matches(EDITOR) ? { root: editor.parentElement ?? editor, editors: [editor as HTMLElement], sendButtons: [], problem: 'no_send_button' } : null;
}
