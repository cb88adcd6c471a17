import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { checkError, describeThrown, err, ok, type Result } from '../errors';
import type { PhotoFiles } from './photo-files';
import { photosFromZip } from './photo-zip';
import type { PhotoReader } from './types';

/** Reads a path under `folder`, naming the path as the roster (or listing) gives it. */
function readUnder(folder: string): PhotoReader {
  return async (relativePath) => {
    const path = resolve(folder, relativePath);
    try {
      const bytes = await readFile(path);
      return ok(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (thrown) {
      const missing = (thrown as NodeJS.ErrnoException).code === 'ENOENT';
      const message = missing
        ? `The photo ${relativePath} was not found (looked for ${path}). Correct the Photo File column or put the photo there.`
        : `The photo ${relativePath} could not be read (${describeThrown(thrown)}). Check the file and import again.`;
      return err(checkError('file_unreadable', message, relativePath));
    }
  };
}

/** Photos by their Photo File paths, relative to the folder of the roster CSV, as the MIS export lays them out. */
export const photosNextToCsv = (csvPath: string): PhotoFiles => ({ listed: [], where: `the folder of ${basename(csvPath)}`, read: readUnder(dirname(resolve(csvPath))) });

/** Photos from a folder (every file under it, listed) or a zip: `checkpost … --photos <folder|zip>`. */
export async function photosFromPathNode(path: string): Promise<Result<PhotoFiles, string>> {
  try {
    if ((await stat(path)).isDirectory()) {
      const folder = resolve(path);
      const entries = await readdir(folder, { recursive: true, withFileTypes: true });
      const listed = entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, resolve(entry.parentPath, entry.name)).split(sep).join('/'));
      return ok({ listed: listed.sort(), where: `the folder ${path}`, read: readUnder(folder) });
    }
    return photosFromZip(new Uint8Array(await readFile(path)), basename(path));
  } catch (thrown) {
    return err(`The photos ${path} could not be read (${describeThrown(thrown)}). Give a folder of photos or a zip.`);
  }
}
