import { describe, expect, it } from 'vitest';
import type { DecodedImage } from '../../lib/engines/image/types';
import { normaliseLighting, removeRules } from '../../lib/engines/ocr/clean-sheet';
import { estimateSkew } from '../../lib/engines/ocr/estimate-skew';
import { findDocuments } from '../../lib/engines/ocr/find-documents';
import type { GreyImage } from '../../lib/engines/ocr/grey-image';
import { applyHomography, homographyBetween, mapBox, warpGrey, type Quad } from '../../lib/engines/ocr/homography';
import { letterHeight } from '../../lib/engines/ocr/letter-height';
import { encodePgm } from '../../lib/engines/ocr/pgm';
import { scaleOcrResult } from '../../lib/engines/ocr/scale-result';

// Image steps of the OCR engine on synthetic pictures whose answer is known exactly.

const grey = (width: number, height: number, paint: (x: number, y: number) => number): GreyImage => {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = paint(x, y);
  return { width, height, data };
};

/** Dark strokes 4 px thick, 40 px apart, sloping by `degrees`: lines of "text". */
const textLines = (degrees: number) => {
  const slope = Math.tan((degrees * Math.PI) / 180);
  return grey(600, 400, (x, y) => {
    const row = y - x * slope - 20;
    const inWord = Math.floor(x / 30) % 3 !== 2;
    return row > 0 && row % 40 < 4 && inWord && x > 40 && x < 560 ? 20 : 240;
  });
};

const rotated = (center: { x: number; y: number }, halfW: number, halfH: number, degrees: number): Quad => {
  const a = (degrees * Math.PI) / 180;
  const corner = (dx: number, dy: number) => ({ x: center.x + dx * Math.cos(a) - dy * Math.sin(a), y: center.y + dx * Math.sin(a) + dy * Math.cos(a) });
  return [corner(-halfW, -halfH), corner(halfW, -halfH), corner(halfW, halfH), corner(-halfW, halfH)];
};

describe('homography', () => {
  it('maps corners onto corners and back', () => {
    const from: Quad = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 50 },
      { x: 0, y: 50 },
    ];
    const to: Quad = [
      { x: 12, y: 30 },
      { x: 140, y: 10 },
      { x: 150, y: 90 },
      { x: 5, y: 80 },
    ];
    const h = homographyBetween(from, to);
    from.forEach((point, i) => {
      const mapped = applyHomography(h, point);
      expect(mapped.x).toBeCloseTo(to[i]!.x, 6);
      expect(mapped.y).toBeCloseTo(to[i]!.y, 6);
    });
    expect(
      mapBox(
        homographyBetween(from, [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
          { x: 200, y: 100 },
          { x: 0, y: 100 },
        ]),
        { x: 10, y: 10, width: 20, height: 5 },
      ),
    ).toEqual({ x: 20, y: 20, width: 40, height: 10 });
  });

  it('warps a picture: doubling copies it at twice the size', () => {
    const source = grey(10, 10, (x) => (x < 5 ? 0 : 255));
    const h = homographyBetween(
      [
        { x: 0, y: 0 },
        { x: 20, y: 0 },
        { x: 20, y: 20 },
        { x: 0, y: 20 },
      ],
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
        { x: 0, y: 10 },
      ],
    );
    const out = warpGrey(source, h, 20, 20);
    expect(out.data[5 * 20 + 2]).toBe(0);
    expect(out.data[5 * 20 + 17]).toBe(255);
  });
});

describe('findDocuments', () => {
  it('finds a sheet turned 8 degrees on a dark, busy desk, with its corners', () => {
    const sheet = rotated({ x: 400, y: 300 }, 220, 160, 8);
    const h = homographyBetween(sheet, [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ]);
    const data = new Uint8Array(800 * 600 * 3);
    for (let y = 0; y < 600; y += 1) {
      for (let x = 0; x < 800; x += 1) {
        const p = applyHomography(h, { x, y });
        const onPaper = p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1;
        const i = (y * 800 + x) * 3;
        if (onPaper) data.set([235, 232, 220], i);
        else data.set([90 + ((x * 7 + y * 13) % 60), 60 + ((x * 3) % 40), 100], i);
      }
    }
    const image: DecodedImage = { width: 800, height: 600, data, originalWidth: 800, originalHeight: 600 };
    const [found, ...rest] = findDocuments(image);
    expect(rest).toEqual([]);
    expect(found!.outlined).toBe(true);
    found!.corners.forEach((corner, i) => {
      expect(Math.hypot(corner.x - sheet[i]!.x, corner.y - sheet[i]!.y)).toBeLessThan(8);
    });
  });

  it('finds nothing in a photo without paper', () => {
    const data = new Uint8Array(640 * 480 * 3).map((_, i) => (i * 37) % 120);
    expect(findDocuments({ width: 640, height: 480, data, originalWidth: 640, originalHeight: 480 })).toEqual([]);
  });
});

describe('sheet cleaning', () => {
  it('measures the slope of lines of text', () => {
    expect((estimateSkew(textLines(6)) * 180) / Math.PI).toBeCloseTo(6, 0);
    expect(estimateSkew(textLines(0))).toBe(0);
    expect((estimateSkew(textLines(-9)) * 180) / Math.PI).toBeCloseTo(-9, 0);
  });

  it('evens out a shadow so paper is white and ink stays dark', () => {
    const shaded = grey(400, 200, (x, y) => {
      const light = 120 + (135 * x) / 400;
      return x % 50 < 4 && y > 50 && y < 150 ? light * 0.2 : light;
    });
    const even = normaliseLighting(shaded);
    expect(even.data[100 * 400 + 20]).toBeGreaterThan(215);
    expect(even.data[100 * 400 + 380]).toBeGreaterThan(215);
    expect(even.data[100 * 400 + 351]).toBeLessThan(80);
  });

  it('removes a long ruled line but keeps the letters written across it', () => {
    const page = grey(800, 200, (x, y) => {
      if (y >= 120 && y < 123 && x > 50 && x < 750) return 150;
      if (x >= 300 && x < 306 && y > 90 && y < 135) return 30;
      return 250;
    });
    const clean = removeRules(page);
    expect(clean.data[121 * 800 + 100]).toBeGreaterThan(240);
    expect(clean.data[100 * 800 + 302]).toBeLessThan(60);
  });

  it('measures the height of letters', () => {
    const letters = grey(400, 200, (x, y) => (x % 24 < 10 && y >= 50 && y < 68 ? 0 : 255));
    expect(letterHeight(letters)).toBe(18);
    expect(letterHeight(grey(100, 100, () => 255))).toBeNull();
  });
});

describe('handing results over', () => {
  it('encodes a PGM tesseract can read', () => {
    const bytes = encodePgm({ width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) });
    expect(new TextDecoder().decode(bytes.subarray(0, 11))).toBe('P5\n3 2\n255\n');
    expect([...bytes.subarray(11)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('scales every box to the photo as attached', () => {
    const box = { x: 10, y: 20, width: 30, height: 40 };
    const scaled = scaleOcrResult(
      {
        width: 100,
        height: 50,
        regions: [],
        lines: [{ words: [{ text: 'Hi', confidence: 90, box }], box, region: 0 }],
        nameFields: [{ region: 0, cue: 'Name:', box, hasInk: false }],
        ms: 1,
      },
      2,
    );
    expect(scaled.lines[0]!.words[0]!.box).toEqual({ x: 20, y: 40, width: 60, height: 80 });
    expect(scaled.nameFields[0]!.box).toEqual({ x: 20, y: 40, width: 60, height: 80 });
    expect([scaled.width, scaled.height]).toEqual([200, 100]);
  });
});
