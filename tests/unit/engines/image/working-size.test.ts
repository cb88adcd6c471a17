import { describe, expect, it } from 'vitest';
import { checkInputSize, MAX_INPUT_SIDE, WORKING_MAX_SIDE, workingSize } from '../../../../lib/engines/image/working-size';

describe('workingSize', () => {
  it('keeps photos that already fit', () => {
    expect(workingSize({ width: 1600, height: 1200 })).toEqual({ width: 1600, height: 1200 });
    expect(workingSize({ width: 150, height: 150 })).toEqual({ width: 150, height: 150 });
  });

  it('scales the long side down to the working size, keeping the shape', () => {
    expect(workingSize({ width: 8000, height: 6000 })).toEqual({ width: WORKING_MAX_SIDE, height: 1536 });
    expect(workingSize({ width: 3000, height: 4000 })).toEqual({ width: 1536, height: WORKING_MAX_SIDE });
  });

  it('never collapses a thin image to zero pixels', () => {
    expect(workingSize({ width: 20000, height: 3 }).height).toBe(1);
  });
});

describe('checkInputSize', () => {
  it('accepts camera-sized photos, 200-megapixel phone photos included', () => {
    expect(checkInputSize({ width: 8000, height: 6000 }, 'a.jpg').ok).toBe(true);
    expect(checkInputSize({ width: 16320, height: 12240 }, 'a.jpg').ok).toBe(true);
  });

  it('refuses absurd dimensions with a message naming the file and what to do', () => {
    const result = checkInputSize({ width: MAX_INPUT_SIDE + 1, height: 10 }, 'banner.png');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('image_too_large');
    expect(result.error.file).toBe('banner.png');
    expect(result.error.message).toContain('banner.png');
    expect(result.error.message).toMatch(/Resize it/);
    expect(checkInputSize({ width: 20000, height: 20000 }, 'b.png').ok).toBe(false);
  });
});
