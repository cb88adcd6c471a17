import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../../lib/roster/windows-1252';

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F to their Windows-1252 characters, not Latin-1 controls', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x8a, 0x91, 0x92, 0x93, 0x94, 0x96, 0x9e, 0x9f]))).toBe('€Š‘’“”–žŸ');
  });

  it('keeps ASCII and Latin-1 letters and the five undefined bytes as themselves', () => {
    expect(decodeWindows1252(new Uint8Array([0x41, 0xe9, 0xeb, 0xf1, 0x81, 0x9d]))).toBe('Aéëñ\u0081\u009d');
  });

  it('decodes files larger than one call can take', () => {
    expect(decodeWindows1252(new Uint8Array(200_000).fill(0xe9))).toBe('é'.repeat(200_000));
  });
});
