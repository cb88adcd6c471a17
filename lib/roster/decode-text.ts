import { checkError, err, ok, type Result } from '../errors';
import type { TextEncodingName } from './types';
import { decodeWindows1252 } from './windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * UTF-8 files only, when some bytes were not UTF-8: what each U+FFFD in `text` stands for, in order: the byte
   * that was not UTF-8, or null where the file itself held U+FFFD. Absent when every byte was valid.
   */
  notUtf8?: (number | null)[];
}

/**
 * Decodes a CSV export whatever the MIS wrote: a byte order mark decides when there is one (UTF-8, UTF-16 LE/BE).
 * Otherwise the file is decided as a whole from its non-ASCII bytes: any valid multi-byte UTF-8 sequence makes it
 * UTF-8, and a file whose only non-ASCII bytes are not UTF-8 is Windows-1252 (what SIMS and Excel's plain "CSV"
 * produce). 1252 text that happens to be valid UTF-8 needs byte pairs like "Ã©" that do not occur in names.
 * A UTF-8 file with a few stray bytes (one name pasted in from a 1252 file) stays UTF-8: reading it all as 1252
 * would silently garble every other accented name, so the strays are reported where they are instead.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Result<DecodedText> {
  if (bytes.length === 0) {
    return err(checkError('roster_invalid', `${fileName} is empty. Export the roster from your MIS again.`, fileName));
  }
  const marked = bomEncoding(bytes) ?? utf16WithoutBom(bytes);
  if (marked === 'utf-16le' || marked === 'utf-16be') {
    if (!decodesCleanly(marked, bytes)) {
      return err(
        checkError(
          'roster_invalid',
          `${fileName} looks like ${marked.toUpperCase()} text but contains bytes that are not. Open it in Excel and save it again as "CSV UTF-8".`,
          fileName,
        ),
      );
    }
    // TextDecoder drops the byte order mark itself (ignoreBOM defaults to false).
    return ok({ text: new TextDecoder(marked).decode(bytes), encoding: marked });
  }
  if (bytes.includes(0)) {
    return err(checkError('roster_invalid', `${fileName} is not a text CSV file. Export the roster from your MIS as CSV.`, fileName));
  }
  const scan = scanUtf8(bytes);
  if (scan.invalid.length === 0) return ok({ text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' });
  if (marked === null && scan.multiByte === 0) return ok({ text: decodeWindows1252(bytes), encoding: 'windows-1252' });
  return ok({ text: decodeWithStrays(bytes, scan.invalid), encoding: 'utf-8', notUtf8: scan.replacements });
}

function bomEncoding(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * A CSV's header is ASCII, so UTF-16 without a byte order mark shows as a NUL in every
 * second byte of its first characters; NUL never occurs in 8-bit text.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(64, Math.floor(bytes.length / 2));
  if (pairs === 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros === pairs && evenZeros === 0) return 'utf-16le';
  if (evenZeros === pairs && oddZeros === 0) return 'utf-16be';
  return null;
}

function decodesCleanly(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const isContinuation = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x80 && byte <= 0xbf;

/** Length of the valid UTF-8 sequence starting at `at` (RFC 3629: no overlongs, no surrogates), or 0. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return 1;
  const second = bytes[at + 1];
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(second) ? 2 : 0;
  if (second === undefined) return 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return second >= low && second <= high && isContinuation(bytes[at + 2]) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return second >= low && second <= high && isContinuation(bytes[at + 2]) && isContinuation(bytes[at + 3]) ? 4 : 0;
  }
  return 0;
}

interface Utf8Scan {
  /** Offsets of the bytes that are not UTF-8. */
  invalid: number[];
  /** Valid characters of two or more bytes. */
  multiByte: number;
  /** In file order, each byte that is not UTF-8, and null for each U+FFFD the file holds. */
  replacements: (number | null)[];
}

const isReplacementChar = (bytes: Uint8Array, at: number): boolean => bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd;

function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { invalid: [], multiByte: 0, replacements: [] };
  for (let at = 0; at < bytes.length;) {
    const length = sequenceLength(bytes, at);
    if (length === 0) {
      scan.invalid.push(at);
      scan.replacements.push(bytes[at] ?? 0);
      at += 1;
      continue;
    }
    if (length > 1) scan.multiByte++;
    if (length === 3 && isReplacementChar(bytes, at)) scan.replacements.push(null);
    at += length;
  }
  return scan;
}

/** UTF-8 text with each stray byte as one U+FFFD, so strays and replacement characters pair up in order. */
function decodeWithStrays(bytes: Uint8Array, invalid: number[]): string {
  // Each piece is decoded apart, so a U+FEFF after a stray byte must be kept: only the file's own mark is dropped.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let from = 0;
  for (const at of invalid) {
    parts.push(decoder.decode(bytes.subarray(from, at)), '\uFFFD');
    from = at + 1;
  }
  parts.push(decoder.decode(bytes.subarray(from)));
  const text = parts.join('');
  return bomEncoding(bytes) === 'utf-8' ? text.slice(1) : text;
}
