import { checkError, err, ok, type Result } from '../errors';
import type { TextEncodingName } from './types';
import { decodeWindows1252 } from './windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes a CSV export whatever the MIS wrote: a byte order mark decides when there is one
 * (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8 and anything else is Windows-1252,
 * which is what SIMS and Excel's plain "CSV" produce. Every byte is valid Windows-1252, so
 * this never guesses wrong silently on a UTF-8 file; the reverse (1252 text that happens to be
 * valid UTF-8) needs byte pairs like "Ã©" that do not occur in names.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Result<DecodedText> {
  if (bytes.length === 0) {
    return err(checkError('roster_invalid', `${fileName} is empty. Export the roster from your MIS again.`, fileName));
  }
  const encoding = bomEncoding(bytes) ?? utf16WithoutBom(bytes) ?? (decodesCleanly('utf-8', bytes) ? 'utf-8' : 'windows-1252');
  const eightBit = encoding === 'utf-8' || encoding === 'windows-1252';
  if (eightBit && bytes.includes(0)) {
    return err(checkError('roster_invalid', `${fileName} is not a text CSV file. Export the roster from your MIS as CSV.`, fileName));
  }
  if (encoding !== 'windows-1252' && !decodesCleanly(encoding, bytes)) {
    return err(
      checkError(
        'roster_invalid',
        `${fileName} looks like ${encoding.toUpperCase()} text but contains bytes that are not. ` + 'Open it in Excel and save it again as "CSV UTF-8".',
        fileName,
      ),
    );
  }
  // TextDecoder drops the byte order mark itself (ignoreBOM defaults to false).
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
  return ok({ text, encoding });
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

function decodesCleanly(encoding: Exclude<TextEncodingName, 'windows-1252'>, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
