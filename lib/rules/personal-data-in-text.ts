import type { PersonalDataKind, PersonalDataMatch } from '../text/types';
import type { Rule, RuleFinding } from './rule';

const DESCRIPTION: Record<PersonalDataKind, string> = {
  mobile_phone: 'a mobile phone number',
  landline_phone: 'a phone number',
  email: 'a personal e-mail address',
  street_address: 'a home address',
  postcode: 'a postcode',
  upn: "a pupil's UPN",
  date_of_birth: 'a date of birth',
};

/**
 * The post's words may not give personal data: mobile numbers, personal e-mail addresses,
 * home addresses, UPNs and dates of birth block. A landline or a postcode on its own only warns:
 * it may be the school's own office number or address.
 */
export const personalDataInText: Rule = {
  id: 'personal-data-in-text',
  title: "Personal data in the post's text",
  defaultSeverity: 'block',
  check: (facts) => {
    const found = facts.text.personalData;
    const hasAddress = found.some((match) => match.kind === 'street_address');
    return found.map((match): RuleFinding => {
      const publicDetail = match.kind === 'landline_phone' || (match.kind === 'postcode' && !hasAddress);
      return {
        message: publicDetail
          ? `The post's text gives ${DESCRIPTION[match.kind]} (${match.text}). Check it is the school's own, not a family's or a member of staff's.`
          : `The post's text gives ${DESCRIPTION[match.kind]} (${match.text}). Remove it: ${advice(match)}`,
        evidence: [],
        textSpans: [match.span],
        ...(publicDetail ? { severity: 'warn' as const } : {}),
      };
    });
  },
};

function advice(match: PersonalDataMatch): string {
  if (match.kind === 'mobile_phone' || match.kind === 'email') return "give the school office's number or address instead.";
  return 'posts must not identify where a pupil or family lives or who a pupil is.';
}
