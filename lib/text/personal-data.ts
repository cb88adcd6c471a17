import { upnCheckLetter } from '../roster/upn';
import type { PersonalDataMatch } from './types';

/**
 * UK mobile numbers (07..., +44 7...), with or without spaces, dashes or brackets. A school
 * publishes its office landline, never a personal mobile.
 */
const MOBILE = /(?<![\d+])(?:\+44\s?(?:\(0\))?\s?7|\(?07)\d{3}\)?[\s-]?\d{3}[\s-]?\d{3}(?!\d)/g;
/** UK geographic landlines (01..., 02..., +44 1/2...): could be a family's home number. */
const LANDLINE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)[12]\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/giu;
/** Organisations' domains: a school, council, university or NHS address is a work contact. */
const ORGANISATION_DOMAIN = /\.(?:sch|gov|ac|nhs|police)\.uk$/i;
/** UK postcode, e.g. "HC4 7QP", "SW1A 1AA". */
const POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b/g;
/** A house number and a street: "14 Elm Road", "3a Church Lane". */
const STREET =
  /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][a-z'’-]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|Gr|Terrace|Hill|Park|Rise|View|Mews|Square|Sq|Walk|Row|Green|Parade|Vale|Wharf)\b\.?/g;
/** Unique Pupil Number: a letter and twelve characters, checked with the DfE check letter. */
const UPN = /\b[A-Z]\d{11}[\dA-Z]\b/g;
/** A date near words saying it is someone's birth date. */
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{4})?)`;
const DATE_OF_BIRTH = new RegExp(String.raw`\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?)\s*:?\s*${DATE}`, 'gi');

/**
 * Finds personal data in a post's text: personal phone numbers, e-mail addresses other than
 * organisations', home addresses, postcodes, UPNs and dates of birth. Times, dates, prices and
 * year groups are left alone.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const add = (kind: PersonalDataMatch['kind'], pattern: RegExp, keep: (match: string) => boolean = () => true): void => {
    for (const match of text.matchAll(pattern)) {
      if (!keep(match[0])) continue;
      const span = { start: match.index, end: match.index + match[0].length };
      // A number already taken as a mobile is not also a landline, a street address's postcode is reported once.
      if (found.some((other) => other.span.start < span.end && span.start < other.span.end)) continue;
      found.push({ kind, text: match[0], span });
    }
  };
  add('email', EMAIL, (email) => !ORGANISATION_DOMAIN.test(email.split('@')[1] ?? ''));
  add('mobile_phone', MOBILE);
  add('landline_phone', LANDLINE);
  add('upn', UPN, (upn) => upnCheckLetter(upn.slice(1)) === upn.charAt(0));
  add('date_of_birth', DATE_OF_BIRTH);
  add('street_address', STREET);
  add('postcode', POSTCODE);
  return found.sort((a, b) => a.span.start - b.span.start);
}
