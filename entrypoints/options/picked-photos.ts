import { checkError, describeThrown, err, ok } from '../../lib/errors';
import type { PhotoReader } from '../../lib/roster/types';

/** Paths compared as Windows (where MIS exports come from) does: either slash, any case. */
const normalise = (path: string): string => path.replace(/\\/g, '/').replace(/^\.\//, '').toLowerCase();

/**
 * Finds a roster's `Photo File` (relative to the CSV, e.g. `photos/A123.jpg`) among the files of
 * the folder the person chose: by the end of its path, or by file name alone when that is unique.
 */
export function pickedPhotoReader(files: readonly File[]): PhotoReader {
  return async (relativePath) => {
    const wanted = normalise(relativePath);
    const pathOf = (file: File) => normalise(file.webkitRelativePath || file.name);
    const byPath = files.filter((file) => pathOf(file) === wanted || pathOf(file).endsWith(`/${wanted}`));
    const fileName = wanted.slice(wanted.lastIndexOf('/') + 1);
    const candidates = byPath.length > 0 ? byPath : files.filter((file) => file.name.toLowerCase() === fileName);
    const [photo, ...others] = candidates;
    if (photo === undefined) {
      return err(
        checkError(
          'file_unreadable',
          `The photo ${relativePath} is not in the photos folder you chose. Choose the folder that holds it, or correct the Photo File column.`,
          relativePath,
        ),
      );
    }
    if (others.length > 0) {
      return err(
        checkError('file_unreadable', `Several files in the chosen folder match ${relativePath}. Choose the folder next to the roster CSV so the path is exact.`, relativePath),
      );
    }
    try {
      return ok(new Uint8Array(await photo.arrayBuffer()));
    } catch (thrown) {
      return err(checkError('file_unreadable', `The photo ${relativePath} could not be read (${describeThrown(thrown)}). Check the file and import again.`, relativePath));
    }
  };
}
