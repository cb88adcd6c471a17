import { describe, expect, it } from 'vitest';
import { offensiveLanguage } from '../../../lib/rules/offensive-language';
import { analyseText } from '../../../lib/text/analyse-text';
import { someFacts, aRoster } from '../../support/builders';

const check = (text: string) => offensiveLanguage.check(someFacts([], { post: { platform: 'x', text }, text: analyseText(text) }), { roster: aRoster() });

describe('offensive-language', () => {
  it('holds offensive, violent and extremist words, naming each', () => {
    expect(check('what the fuck')[0]!.message).toBe('The post\'s text contains offensive or discriminatory language ("fuck"). Remove it before posting.');
    expect(check('I will kill you')[0]!.message).toMatch(/violent or threatening language \("kill you"\)/);
    expect(check('sieg heil')[0]!.message).toMatch(/extremist language/);
    expect(check('what the fuck')[0]!.textSpans).toEqual([{ start: 9, end: 13 }]);
  });

  it('passes school words', () => {
    expect(check('Killer sudoku, shooting stars and a trip to Scunthorpe!')).toEqual([]);
  });
});
