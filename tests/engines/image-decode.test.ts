import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { WORKING_MAX_SIDE } from '../../lib/engines/image/working-size';
import { corpusAvailable, corpusDir, corpusNote } from '../support/corpus';

const photos = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? photos(join(dir, entry.name)) : entry.name.endsWith('.jpg') ? [join(dir, entry.name)] : []));

describe.skipIf(!corpusAvailable)(`decoding every corpus photo ${corpusNote}`, () => {
  it('decodes each at its own size (all are within the working size), RGB', async () => {
    const paths = photos(corpusDir);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const bytes = readFileSync(path);
      const decoded = await decodeImageNode(new Uint8Array(bytes), relative(corpusDir, path));
      expect(decoded.ok, path).toBe(true);
      if (!decoded.ok) continue;
      const { width, height } = await sharp(bytes).metadata();
      expect([decoded.value.originalWidth, decoded.value.originalHeight]).toEqual([width, height]);
      expect(Math.max(decoded.value.width, decoded.value.height)).toBeLessThanOrEqual(WORKING_MAX_SIDE);
      expect(decoded.value.data.length).toBe(decoded.value.width * decoded.value.height * 3);
    }
  });
});
