import type { Platform } from '../pipeline/types';

/**
 * What Checkpost needs from a site's post composer. One adapter per site (lib/composer/<site>/),
 * each with its selectors in one file; everything else (interception, checking, the panel) is
 * shared. Adapters only read the page: they never change the site's DOM.
 */

/** Why a composer cannot be guarded: the site changed its markup and a selector no longer matches. */
export type ComposerProblem = 'no_send_button' | 'no_editor';

export interface Composer {
  /** The element holding one post or thread: its editors, attachments and Post button. */
  root: Element;
  /** One text editor per post of a thread. */
  editors: HTMLElement[];
  /** The buttons that publish (Post, Reply, Post all). */
  sendButtons: HTMLElement[];
  /** Set when the page shows a composer but a part of it could not be found: posting is then held. */
  problem?: ComposerProblem;
}

export type MediaKind = 'image' | 'video' | 'other';

export interface AttachedMedia {
  kind: MediaKind;
  /** Where the preview's bytes are (`blob:` or `data:` for a local file), or null when the element has none. */
  src: string | null;
}

export interface ComposerAdapter {
  readonly platform: Platform;
  /** Every composer on the page, including ones the adapter recognises only partly. */
  findComposers(document: Document): Composer[];
  /** The Post button an event's target is on or in, and its composer. */
  sendButtonAt(target: EventTarget | null): { button: HTMLElement; composer: Composer } | null;
  /** The composer whose editor an event's target is in (for keyboard sends). */
  composerOfEditor(target: EventTarget | null): Composer | null;
  /** Text of each editor, in thread order. */
  readTexts(composer: Composer): string[];
  /** The media attached to a composer (all posts of a thread), in order. */
  attachedMedia(composer: Composer): AttachedMedia[];
}
