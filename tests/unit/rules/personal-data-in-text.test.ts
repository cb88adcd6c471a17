import { describe, expect, it } from 'vitest';
import { personalDataInText } from '../../../lib/rules/personal-data-in-text';
import { analyseText } from '../../../lib/text/analyse-text';
import { someFacts, aRoster } from '../../support/builders';

const check = (text: string) => personalDataInText.check(someFacts([], { post: { platform: 'facebook', text }, text: analyseText(text) }), { roster: aRoster() });

describe('personal-data-in-text', () => {
  it('holds a personal mobile and e-mail, naming and highlighting each (corpus dev-021)', () => {
    const text = 'Please contact Mrs Carter on 07700 900123 or email jcarter.home@gmail.com';
    const findings = check(text);
    expect(findings.map((finding) => finding.severity)).toEqual([undefined, undefined]);
    expect(findings[0]!.message).toMatch(/a mobile phone number \(07700 900123\)\. Remove it/);
    expect(findings[1]!.message).toMatch(/a personal e-mail address \(jcarter\.home@gmail\.com\)/);
    expect(findings.map((finding) => text.slice(finding.textSpans![0]!.start, finding.textSpans![0]!.end))).toEqual(['07700 900123', 'jcarter.home@gmail.com']);
  });

  it('holds a home address with its postcode', () => {
    const findings = check('It can be collected from 14 Elm Road, Hillcrest HC4 7QP.');
    expect(findings.map((finding) => [finding.message.match(/gives (a [a-z ]+?) \(/)![1], finding.severity])).toEqual([
      ['a home address', undefined],
      ['a postcode', undefined],
    ]);
  });

  it("only warns for a landline or a postcode alone, which may be the school's own", () => {
    expect(check('Ring the office on 01632 960123.').map((finding) => finding.severity)).toEqual(['warn']);
    expect(check('Find us at HC4 7QP for the fair.').map((finding) => finding.severity)).toEqual(['warn']);
  });

  it('passes times, dates and prices', () => {
    expect(check('The coach leaves at 8.15am on 3/4/25; tickets £4.50.')).toEqual([]);
  });
});
