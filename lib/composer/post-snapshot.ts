import { checkError, type CheckError } from '../errors';
import type { PostCheckRequest } from '../messaging/protocol';
import type { AttachedMedia, Composer, ComposerAdapter } from './adapter';
import type { MediaCache } from './media-cache';
import type { ComposerPhoto } from './panel-view';

export interface SnapshotPhoto extends ComposerPhoto {
  hash: string;
}

/** The post exactly as the composer holds it, ready to be checked. */
export interface Snapshot {
  fingerprint: string;
  photos: SnapshotPhoto[];
  request: PostCheckRequest;
}

/**
 * The one identity of a post as it stands: every editor's text and every attachment. Verdicts,
 * accepted warnings and held sends are all for one fingerprint; any edit makes a new one.
 */
export const fingerprintOf = (adapter: ComposerAdapter, composer: Composer): string => JSON.stringify([adapter.readTexts(composer), adapter.attachedMedia(composer)]);

/** An empty composer is not checked (nor the engine woken for it) until something is typed or attached. */
export const isEmpty = (adapter: ComposerAdapter, composer: Composer): boolean =>
  adapter.attachedMedia(composer).length === 0 && adapter.readTexts(composer).every((text) => text.trim() === '');

/** Previews Checkpost can read: local files the page shows as `blob:` or `data:` images. */
export const readable = (item: AttachedMedia): item is AttachedMedia & { src: string } => item.kind === 'image' && item.src !== null && /^(blob:|data:image\/)/.test(item.src);

const mediaError = (item: AttachedMedia, position: number): CheckError =>
  item.kind === 'video'
    ? checkError('image_unsupported', `Attachment ${position} is a video or GIF. Checkpost cannot check videos yet, so the post is on hold: remove it to post.`)
    : checkError('file_unreadable', `Checkpost cannot read attachment ${position}, so the post is on hold. Remove it and attach the photo again from your computer.`);

/** The post exactly as it stands, or null while an attached photo is still being read. */
export function snapshotOf(adapter: ComposerAdapter, composer: Composer, media: MediaCache): Snapshot | null {
  const texts = adapter.readTexts(composer);
  const photos: SnapshotPhoto[] = [];
  const errors: CheckError[] = [];
  for (const [index, item] of adapter.attachedMedia(composer).entries()) {
    if (!readable(item)) {
      errors.push(mediaError(item, index + 1));
      continue;
    }
    const result = media.entry(item.src).result;
    if (result === null) return null;
    if (!result.ok) errors.push(result.error);
    else photos.push({ hash: result.value.hash, name: media.nameOf(result.value.hash) ?? `Photo ${index + 1}`, src: item.src });
  }
  const text = texts.filter((part) => part.trim() !== '').join('\n\n');
  const images = photos.map(({ hash, name }) => ({ hash, name }));
  return { fingerprint: fingerprintOf(adapter, composer), photos, request: { platform: adapter.platform, text, images, errors } };
}

/** The snapshot once every attached photo has been read. */
export async function settledSnapshot(adapter: ComposerAdapter, composer: Composer, media: MediaCache): Promise<Snapshot> {
  for (;;) {
    const current = snapshotOf(adapter, composer, media);
    if (current !== null) return current;
    await Promise.all(
      adapter
        .attachedMedia(composer)
        .filter(readable)
        .map((item) => media.entry(item.src).done),
    );
  }
}
