import { checkError, describeThrown, err, ok, type Result } from '../../lib/errors';
import type { PhotoFiles } from '../../lib/roster/photo-files';
import { photosFromZip } from '../../lib/roster/photo-zip';
import type { PhotoReader } from '../../lib/roster/types';

const readFile =
  (file: File): PhotoReader =>
  async (path) => {
    try {
      return ok(new Uint8Array(await file.arrayBuffer()));
    } catch (thrown) {
      return err(checkError('file_unreadable', `The photo ${path} could not be read (${describeThrown(thrown)}). Check the file and import again.`, path));
    }
  };

/**
 * The photos the ORM lead chose: a folder, files picked one by one, or zips (each zip's photos listed under its
 * name, e.g. `photos.zip/A123456789012.jpg`). Fails only when a zip cannot be opened.
 */
export async function pickedPhotos(files: readonly File[]): Promise<Result<PhotoFiles, string>> {
  const readers = new Map<string, PhotoReader>();
  for (const file of files) {
    const path = file.webkitRelativePath || file.name;
    if (!/\.zip$/i.test(file.name)) {
      readers.set(path, readFile(file));
      continue;
    }
    const zip = photosFromZip(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!zip.ok) return zip;
    for (const entry of zip.value.listed) readers.set(`${path}/${entry}`, () => zip.value.read(entry));
  }
  const where = files.length === 1 && /\.zip$/i.test(files[0]!.name) ? files[0]!.name : 'the photos you chose';
  return ok({
    listed: [...readers.keys()],
    where,
    read: async (path) => (readers.get(path) ?? (async () => err(checkError('file_unreadable', `The photo ${path} is not among ${where}.`, path))))(path),
  });
}
