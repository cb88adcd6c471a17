import { quote } from './quote';

/**
 * English Unique Pupil Numbers (DfE): a check letter, then LA code (3 digits), establishment
 * number (4), year of issue (2) and serial (3). Temporary UPNs end in a letter instead of the
 * last digit. The check letter is the sum of each character's value times its position
 * (positions 2..13) mod 23, read from this table, which skips I, O and S; a temporary UPN's
 * final letter counts as its index in the same table.
 */
const LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Spaces are dropped and letters upper-cased: spreadsheets often pad or lower-case ids. */
export function normaliseUpn(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check letter for the 12 characters after it, or null if they are not a valid UPN body. */
export function upnCheckLetter(body: string): string | null {
  if (!/^\d{11}[\dA-Z]$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    const value = /\d/.test(char) ? Number(char) : LETTERS.indexOf(char);
    if (value < 0) return null;
    sum += value * (i + 2);
  }
  return LETTERS.charAt(sum % 23);
}

/** Why a normalised UPN is invalid, in words for staff, or null when it is valid. */
export function upnProblem(upn: string): string | null {
  if (upn.length !== 13) {
    return `UPN ${quote(upn)} has ${upn.length} characters; a UPN has 13 (a letter then 12 digits).`;
  }
  const expected = upnCheckLetter(upn.slice(1));
  if (expected === null || !LETTERS.includes(upn.charAt(0))) {
    return `UPN ${quote(upn)} is not a letter followed by 12 digits.`;
  }
  if (upn.charAt(0) !== expected) {
    // Not "should start with X": the typo may be in the digits, and fixing the letter would hide it.
    return `UPN ${quote(upn)} fails the DfE check-letter test, so a character is wrong. Copy it again from the MIS.`;
  }
  return null;
}
