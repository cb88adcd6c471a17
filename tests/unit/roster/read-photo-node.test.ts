import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { photosFromPathNode, photosNextToCsv } from '../../../lib/roster/read-photo-node';
import { photosFromZip } from '../../../lib/roster/photo-zip';

const JPEG_START = Uint8Array.from([0xff, 0xd8, 0xff]);

describe('photos on disk', () => {
  const folder = mkdtempSync(join(tmpdir(), 'checkpost-roster-'));
  mkdirSync(join(folder, 'photos', 'staff'), { recursive: true });
  writeFileSync(join(folder, 'photos', 'a.jpg'), JPEG_START);
  writeFileSync(join(folder, 'photos', 'staff', 'b.jpg'), JPEG_START);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const readPhoto = photosNextToCsv(join(folder, 'roster.csv')).read;

  it('reads a photo relative to the roster CSV', async () => {
    const result = await readPhoto('photos/a.jpg');
    expect(result.ok && Array.from(result.value)).toEqual([0xff, 0xd8, 0xff]);
  });

  it('says which photo is missing and where it looked', async () => {
    const result = await readPhoto('photos/b.jpg');
    expect(result.ok || result.error).toMatchObject({ code: 'file_unreadable', file: 'photos/b.jpg' });
    expect(result.ok || result.error.message).toBe(
      `The photo photos/b.jpg was not found (looked for ${join(folder, 'photos', 'b.jpg')}). Correct the Photo File column or put the photo there.`,
    );
  });

  it('reports a folder given as a photo as unreadable', async () => {
    const result = await readPhoto('photos');
    expect(result.ok || result.error.message).toMatch(/^The photo photos could not be read \(EISDIR/);
  });

  it('lists every file under a --photos folder, with / separators, and reads them', async () => {
    const photos = await photosFromPathNode(join(folder, 'photos'));
    expect(photos.ok && photos.value.listed).toEqual(['a.jpg', 'staff/b.jpg']);
    const read = photos.ok ? await photos.value.read('staff/b.jpg') : null;
    expect(read?.ok).toBe(true);
  });

  it('opens a --photos zip, and says when a path is neither a folder nor a zip', async () => {
    const zipPath = join(folder, 'photos.zip');
    writeFileSync(zipPath, zipSync({ 'photos/a.jpg': JPEG_START }));
    const zipped = await photosFromPathNode(zipPath);
    expect(zipped.ok && zipped.value.listed).toEqual(['photos/a.jpg']);
    const notZip = await photosFromPathNode(join(folder, 'photos', 'a.jpg'));
    expect(notZip.ok || notZip.error).toMatch(/^a\.jpg could not be opened as a zip/);
    const missing = await photosFromPathNode(join(folder, 'nowhere'));
    expect(missing.ok || missing.error).toMatch(/could not be read \(ENOENT/);
  });
});

describe('photosFromZip', () => {
  it('lists files but not folders, and unpacks one photo at a time', async () => {
    const zip = zipSync({ 'class/': new Uint8Array(), 'class/a.jpg': JPEG_START, 'class/b.jpg': Uint8Array.from([1, 2, 3]) });
    const photos = photosFromZip(zip, 'class.zip');
    expect(photos.ok && photos.value.listed).toEqual(['class/a.jpg', 'class/b.jpg']);
    if (!photos.ok) return;
    const read = await photos.value.read('class/b.jpg');
    expect(read.ok && Array.from(read.value)).toEqual([1, 2, 3]);
    const absent = await photos.value.read('class/c.jpg');
    expect(absent.ok || absent.error).toMatchObject({ code: 'file_unreadable', message: 'The photo class/c.jpg in class.zip is not in the zip.' });
  });

  it('names a damaged entry instead of throwing', async () => {
    const zip = zipSync({ 'a.jpg': new Uint8Array(4096).fill(7) }, { level: 9 });
    // Corrupt the deflate stream just after the local header (30 bytes + the name).
    for (let at = 40; at < 60; at++) zip[at] = 0xff;
    const photos = photosFromZip(zip, 'class.zip');
    expect(photos.ok).toBe(true);
    if (!photos.ok) return;
    const read = await photos.value.read('a.jpg');
    expect(read.ok || read.error.message).toMatch(/^The photo a\.jpg in class\.zip could not be unpacked/);
  });

  it('refuses a file that is not a zip', () => {
    const photos = photosFromZip(JPEG_START, 'photos.zip');
    expect(photos.ok || photos.error).toMatch(/^photos\.zip could not be opened as a zip \(.+\)\. Make the zip again, or choose the photos folder instead\.$/);
  });
});
