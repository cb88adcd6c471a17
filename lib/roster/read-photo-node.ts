import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkError, describeThrown, err, ok } from '../errors';
import type { PhotoReader } from './types';

/** Reads `Photo File` paths relative to the folder of the roster CSV, as the MIS export lays them out. */
export function photoReaderNode(csvPath: string): PhotoReader {
  const folder = dirname(resolve(csvPath));
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
