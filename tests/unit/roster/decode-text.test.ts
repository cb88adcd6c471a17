import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../lib/roster/decode-text';

const TEXT = 'UPN,Legal Forename,Legal Surname\r\nA1,Zoë,Lée\r\n';

const withBom = (bom: number[], body: Uint8Array): Uint8Array => new Uint8Array([...bom, ...body]);
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => utf16le(text).map((_, i, bytes) => bytes[i ^ 1] ?? 0);

function decoded(bytes: Uint8Array): { text: string; encoding: string } {
  const result = decodeText(bytes, 'roster.csv');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('decodeText', () => {
  it('reads UTF-8 without a byte order mark', () => {
    expect(decoded(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a byte order mark and drops the mark', () => {
    expect(decoded(withBom([0xef, 0xbb, 0xbf], new TextEncoder().encode(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a byte order mark', () => {
    expect(decoded(withBom([0xff, 0xfe], utf16le(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decoded(withBom([0xfe, 0xff], utf16be(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte order mark from the NULs of its ASCII header', () => {
    expect(decoded(utf16le(TEXT)).encoding).toBe('utf-16le');
    expect(decoded(utf16be(TEXT)).encoding).toBe('utf-16be');
    expect(decoded(utf16be(TEXT)).text).toBe(TEXT);
  });

  it('reads Windows-1252 (SIMS, Excel "CSV") when the bytes are not valid UTF-8', () => {
    // é = E9, ë = EB, and 92 is the curly apostrophe Excel writes in O’Connor; none is valid UTF-8 here.
    const bytes = new Uint8Array([...Buffer.from('Zo\xeb,L\xe9e,O', 'latin1'), 0x92, ...Buffer.from('Connor\r\n', 'latin1')]);
    expect(decoded(bytes)).toEqual({ text: 'Zoë,Lée,O’Connor\r\n', encoding: 'windows-1252' });
  });

  it('keeps a UTF-8 file UTF-8 when a few bytes are not, and says which bytes they are', () => {
    // Zoë in UTF-8, then René with a Windows-1252 é (E9): reading the file as 1252 would turn Zoë into "ZoÃ«".
    const bytes = new Uint8Array([...new TextEncoder().encode('Zoë,Lee\r\nRen'), 0xe9, ...new TextEncoder().encode(',Baker\r\n')]);
    expect(decoded(bytes)).toEqual({ text: 'Zoë,Lee\r\nRen\uFFFD,Baker\r\n', encoding: 'utf-8', notUtf8: [0xe9] });
  });

  it("pairs every U+FFFD of the text with what it stands for, the file's own ones included", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x42, ...new TextEncoder().encode('\uFFFDé'), 0x92]);
    expect(decoded(bytes)).toEqual({ text: 'A\uFFFDB\uFFFDé\uFFFD', encoding: 'utf-8', notUtf8: [0xe9, null, 0x92] });
  });

  it('refuses an empty file, a binary file and broken UTF-16, naming the file', () => {
    const empty = decodeText(new Uint8Array(), 'roster.csv');
    expect(empty.ok || empty.error.message).toMatch(/roster\.csv is empty/);

    const binary = decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08]), 'roster.xlsx');
    expect(binary.ok || binary.error.message).toMatch(/roster\.xlsx is not a text CSV/);

    // A lone high surrogate (D800) in UTF-16 LE.
    const broken = decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]), 'roster.csv');
    expect(broken.ok || broken.error).toMatchObject({ code: 'roster_invalid', file: 'roster.csv' });
    expect(broken.ok || broken.error.message).toMatch(/UTF-16LE.*save it again as "CSV UTF-8"/);
  });
});
