import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';

/** Larger files are not photos anyone posts, and would take seconds just to pass to the engine. */
const MAX_BYTES = 40 * 1024 * 1024;

/**
 * Reads a composer preview's bytes. Runs in the content script: a page's `blob:` URLs belong to
 * its origin and cannot be fetched from the service worker or the offscreen document.
 */
export async function readMedia(src: string): Promise<Result<Uint8Array, CheckError>> {
  try {
    const response = await fetch(src);
    if (!response.ok) throw new Error(`status ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > MAX_BYTES) {
      return err(checkError('image_too_large', `A photo in this post is larger than ${MAX_BYTES / 1024 / 1024} MB, so Checkpost cannot check it. Attach a smaller copy.`));
    }
    return ok(bytes);
  } catch (thrown) {
    return err(
      checkError(
        'file_unreadable',
        `Checkpost could not read a photo attached to this post (${describeThrown(thrown)}), so the post is on hold. Remove the photo and attach it again.`,
      ),
    );
  }
}
