import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { sniffImageFormat } from '../../lib/engines/image/sniff-format';
import { checkImageStructure } from '../../lib/engines/image/structure';
import { photoLike, toBytes, withJpegHeight, withPngHeight, zeroed } from '../unit/engines/image/synthetic';

/**
 * Small JPEGs and PNGs made here with sharp, damaged the ways files are: cut short, zero-filled, header edited,
 * bytes flipped. Neither the Node decoder nor the structure check the browser decoder relies on may throw or hang,
 * and files whose damage is certain (cut short, zero-filled to the end, the height moved by a block row or more,
 * any change to a PNG) must be refused by both.
 */

interface Sample {
  name: string;
  bytes: Uint8Array;
  height: number;
}

const samples: Sample[] = [];

beforeAll(async () => {
  const made = {
    'baseline.jpg': photoLike(96, 64).jpeg({ quality: 80 }),
    'progressive.jpg': photoLike(80, 72).jpeg({ quality: 80, progressive: true }),
    'photo.png': photoLike(48, 40).png(),
    'interlaced.png': photoLike(40, 36, 4).png({ progressive: true }),
  };
  for (const [name, image] of Object.entries(made)) {
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    samples.push({ name, bytes: toBytes(data), height: info.height });
  }
});

type Damage =
  | { kind: 'truncate'; at: number }
  | { kind: 'zero tail'; from: number }
  | { kind: 'zero range'; from: number; length: number }
  | { kind: 'height'; by: number }
  | { kind: 'flip'; at: number; xor: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('zero tail' as const), from: fc.nat() }),
  fc.record({ kind: fc.constant('zero range' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  // 4:2:0 JPEG block rows are 16 pixels: a smaller change to the height keeps the block count, and is not damage.
  fc.record({ kind: fc.constant('height' as const), by: fc.oneof(fc.integer({ min: -40, max: -16 }), fc.integer({ min: 16, max: 400 })) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
);

/** The damaged bytes, and whether the damage certainly leaves the picture incomplete or wrong. */
function apply(sample: Sample, d: Damage): { bytes: Uint8Array; certain: boolean } {
  const { bytes } = sample;
  const png = sample.name.endsWith('.png');
  switch (d.kind) {
    case 'truncate':
      return { bytes: bytes.subarray(0, d.at % bytes.length), certain: true };
    case 'zero tail': {
      // Zeros up to the end, over at least the last 2 bytes (the JPEG end marker, the PNG IEND CRC).
      const from = d.from % (bytes.length - 2);
      return { bytes: zeroed(bytes, from, bytes.length), certain: true };
    }
    case 'zero range': {
      const from = d.from % bytes.length;
      const result = zeroed(bytes, from, from + d.length);
      return { bytes: result, certain: png && result.some((byte, i) => byte !== bytes[i]) };
    }
    case 'height': {
      const height = Math.max(1, sample.height + d.by);
      return { bytes: png ? withPngHeight(bytes, height) : withJpegHeight(bytes, height), certain: true };
    }
    case 'flip': {
      const result = Uint8Array.from(bytes);
      const at = d.at % bytes.length;
      result[at] = (result[at] ?? 0) ^ d.xor;
      return { bytes: result, certain: png };
    }
  }
}

describe('image decoding fuzz', () => {
  it('never throws or hangs, and refuses every file whose damage is certain, in Node and in the shared check', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), damage, async (which, d) => {
        const sample = samples[which % samples.length]!;
        const { bytes, certain } = apply(sample, d);
        const started = performance.now();
        const format = await sniffImageFormat(bytes);
        const structure = checkImageStructure(bytes, format);
        const decoded = await decodeImageNode(bytes, sample.name);
        expect(performance.now() - started).toBeLessThan(2000);
        if (decoded.ok) {
          expect(decoded.value.data.length).toBe(decoded.value.width * decoded.value.height * 3);
          // Whatever Node decodes, the browser decoder's check lets through too, so both see the same files.
          expect(structure.ok).toBe(true);
        } else {
          expect(decoded.error.file).toBe(sample.name);
          expect(decoded.error.message).toContain(sample.name);
        }
        if (certain) {
          expect(decoded.ok, `${sample.name} ${JSON.stringify(d)}`).toBe(false);
          // A file whose signature went is refused by both decoders before this check (not a photo they read).
          if (format === 'jpeg' || format === 'png') expect(structure.ok, `${sample.name} ${JSON.stringify(d)}`).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('still decodes every undamaged sample', async () => {
    for (const sample of samples) expect((await decodeImageNode(sample.bytes, sample.name)).ok, sample.name).toBe(true);
  });
});
