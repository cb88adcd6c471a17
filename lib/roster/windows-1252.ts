/**
 * Bytes 0x80-0x9F in Windows-1252 (WHATWG index), where it differs from Latin-1: curly quotes,
 * dashes, €, Š, ž... Node 20.18.3+ TextDecoder('windows-1252') wrongly decodes these as Latin-1
 * control characters (nodejs/node#56542, #60888), turning Excel's O’Connor into "OConnor",
 * so this small table is applied by hand and behaves the same in Node and browsers.
 */
const HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Every byte is a character in Windows-1252, so this cannot fail. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = Array.from(bytes, (byte) => (byte >= 0x80 && byte < 0xa0 ? (HIGH[byte - 0x80] ?? byte) : byte));
  const chunks: string[] = [];
  // fromCharCode takes its codes as arguments; chunking keeps large files under the argument limit.
  for (let start = 0; start < codes.length; start += 8192) {
    chunks.push(String.fromCharCode(...codes.slice(start, start + 8192)));
  }
  return chunks.join('');
}
