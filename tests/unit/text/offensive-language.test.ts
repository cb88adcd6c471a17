import { describe, expect, it } from 'vitest';
import { findOffensiveLanguage } from '../../../lib/text/offensive-language';

const found = (text: string) => findOffensiveLanguage(text).map((match) => [match.category, match.text]);

describe('findOffensiveLanguage', () => {
  it('finds profanity and slurs, disguised too', () => {
    expect(found('what the fuck')).toEqual([['profanity_or_slur', 'fuck']]);
    expect(found('fuuuuck off')).toEqual([['profanity_or_slur', 'fuuuuck']]);
    expect(found('stupid paki')).toEqual([['profanity_or_slur', 'paki']]);
    expect(found('a homophobic faggot remark')).toHaveLength(1);
  });

  it('finds threats of violence and extremist slogans', () => {
    expect(found('I will kill you')).toEqual([['violence', 'kill you']]);
    expect(found('k1ll y0u')).toEqual([['violence', 'k1ll y0u']]);
    expect(found('going to bomb the school')).toEqual([['violence', 'bomb the']]);
    expect(found('heil hitler')).toEqual([['extremism', 'heil hitler']]);
  });

  it.each([
    'Well done to our killer sudoku champions and shooting stars!',
    'Year 5 trip to Scunthorpe and Middlesex',
    'Dick Whittington panto tonight',
    'The Owl and the Pussycat went to sea',
    'Class assessment and analysis week',
    'Photo shoot for the yearbook',
    'Learning about Nazi Germany in history',
  ])('leaves school words alone: %j', (text) => {
    expect(findOffensiveLanguage(text)).toEqual([]);
  });
});
