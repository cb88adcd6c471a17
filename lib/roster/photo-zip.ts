import { unzipSync } from 'fflate';
import { checkError, describeThrown, err, ok, type Result } from '../errors';
import type { PhotoFiles } from './photo-files';

/** No reference photo is this large; an entry that claims to be is a damaged zip or a zip bomb, and is not unpacked. */
const MAX_PHOTO_BYTES = 50 * 1024 * 1024;

/**
 * The photos in a zip, unpacked one at a time as enrolment reads them: a 1,500-photo zip is held once, compressed,
 * rather than unpacked whole into memory. Fails when the file is not a zip at all.
 */
export function photosFromZip(zip: Uint8Array, zipName: string): Result<PhotoFiles, string> {
  const listed: string[] = [];
  const sizes = new Map<string, number>();
  try {
    unzipSync(zip, {
      filter: (entry) => {
        if (!entry.name.endsWith('/')) {
          listed.push(entry.name);
          sizes.set(entry.name, entry.originalSize);
        }
        return false;
      },
    });
  } catch (thrown) {
    return err(`${zipName} could not be opened as a zip (${describeThrown(thrown)}). Make the zip again, or choose the photos folder instead.`);
  }
  const unreadable = (path: string, why: string) => err(checkError('file_unreadable', `The photo ${path} in ${zipName} ${why}`, path));
  return ok({
    listed,
    where: zipName,
    read: async (path) => {
      const size = sizes.get(path);
      if (size === undefined) return unreadable(path, 'is not in the zip.');
      if (size > MAX_PHOTO_BYTES) return unreadable(path, `claims to be ${Math.round(size / 1024 / 1024)} MB, too large for a reference photo: add a smaller copy.`);
      try {
        const bytes = unzipSync(zip, { filter: (entry) => entry.name === path })[path];
        return bytes === undefined ? unreadable(path, 'could not be unpacked.') : ok(bytes);
      } catch (thrown) {
        // fflate throws on damaged or encrypted entries and on compression methods it does not know.
        return unreadable(path, `could not be unpacked (${describeThrown(thrown)}). Make the zip again without a password.`);
      }
    },
  });
}
