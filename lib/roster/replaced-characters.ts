import { decodeWindows1252 } from './windows-1252';
import { quote } from './quote';
import type { RosterIssue } from './types';

const REPLACEMENT = '\uFFFD';

/**
 * A cell holding U+FFFD: a byte that was not UTF-8 in a UTF-8 file, or a letter lost by an earlier conversion.
 * Either way the name as read is not the pupil's name, so it could not be found in a post or on a certificate.
 * This is an error on its row rather than a warning with the character replaced: the ORM lead can fix one cell
 * in a minute, whereas a roster holding a wrong name would let that pupil's name be published unnoticed.
 *
 * `notUtf8` says, for each U+FFFD in file order, the byte it replaced (null: the file held U+FFFD itself).
 */
export function findReplacedCharacters(records: string[][], header: string[] | undefined, notUtf8: readonly (number | null)[] = []): RosterIssue[] {
  const issues: RosterIssue[] = [];
  let seen = 0;
  records.forEach((record, index) => {
    record.forEach((cell, column) => {
      const count = cell.split(REPLACEMENT).length - 1;
      if (count === 0) return;
      const bytes = notUtf8.slice(seen, seen + count);
      seen += count;
      const heading = header?.[column]?.trim();
      issues.push({ row: index + 1, ...(heading ? { column: heading } : {}), message: describe(cell, bytes) });
    });
  });
  return issues;
}

function describe(cell: string, bytes: (number | null)[]): string {
  const stray = bytes.find((byte): byte is number => byte !== null && byte !== undefined);
  const value = quote(cell.trim());
  if (stray === undefined) {
    return `${value} contains "${REPLACEMENT}", which stands for a letter lost when the file was converted. Type the value again in Excel, then save as "CSV UTF-8".`;
  }
  const hex = `0x${stray.toString(16).toUpperCase().padStart(2, '0')}`;
  return (
    `${value} contains a byte that is not UTF-8 (${hex}, which in Windows-1252 would be "${decodeWindows1252(Uint8Array.of(stray))}"), ` +
    'though the rest of the file is UTF-8: it was probably pasted in from another file. Type the value again in Excel, then save as "CSV UTF-8".'
  );
}
