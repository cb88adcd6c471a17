import { describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../lib/text/personal-data';

const kinds = (text: string) => findPersonalData(text).map((match) => [match.kind, match.text]);

describe('findPersonalData', () => {
  it('finds a personal mobile and a personal e-mail (corpus dev-021)', () => {
    expect(kinds('If your child has lost a coat please contact Mrs Carter on 07700 900123 or email jcarter.home@gmail.com')).toEqual([
      ['mobile_phone', '07700 900123'],
      ['email', 'jcarter.home@gmail.com'],
    ]);
  });

  it('finds a home address and postcode (corpus dev-022)', () => {
    expect(kinds('it can be collected from 14 Elm Road, Hillcrest HC4 7QP.')).toEqual([
      ['street_address', '14 Elm Road'],
      ['postcode', 'HC4 7QP'],
    ]);
  });

  it.each(['+44 7700 900123', '(07700) 900 123', '07700-900-123', '07700900123'])('reads mobile formats: %s', (number) => {
    expect(kinds(`Call ${number} today`)).toEqual([['mobile_phone', number]]);
  });

  it('tells landlines from mobiles and leaves organisations’ e-mail addresses alone', () => {
    expect(kinds('Ring the office on 01632 960123 or write to office@hillcrest.sch.uk')).toEqual([['landline_phone', '01632 960123']]);
  });

  it('finds UPNs with a valid check letter and dates of birth', () => {
    expect(kinds('UPN T999240119101, DOB 14/03/2014; not T999240119102')).toEqual([
      ['upn', 'T999240119101'],
      ['date_of_birth', 'DOB 14/03/2014'],
    ]);
    expect(kinds('She was born on 3rd March 2014')).toEqual([['date_of_birth', 'born on 3rd March 2014']]);
  });

  it.each([
    'The coach leaves at 8.15am, please be on time!',
    'Tickets £4.50, Friday 21st March, 2.30pm',
    'Year 6 trip on 3/4/25 to Kingswood',
    'Congratulations Class 4B on the best attendance this term!',
    'Page 12 of 120, 1500 words',
  ])('does not take times, dates, prices or classes for personal data: %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});
