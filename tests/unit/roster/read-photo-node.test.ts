import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { photoReaderNode } from '../../../lib/roster/read-photo-node';

describe('photoReaderNode', () => {
  const folder = mkdtempSync(join(tmpdir(), 'checkpost-roster-'));
  mkdirSync(join(folder, 'photos'));
  writeFileSync(join(folder, 'photos', 'a.jpg'), Uint8Array.from([0xff, 0xd8, 0xff]));
  const readPhoto = photoReaderNode(join(folder, 'roster.csv'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

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
});
