import { describe, expect, it } from 'vitest';
import { negativeTone } from '../../../lib/rules/negative-tone';
import { analyseText } from '../../../lib/text/analyse-text';
import { someFacts, aRoster } from '../../support/builders';

const check = (text: string) => negativeTone.check(someFacts([], { post: { platform: 'x', text }, text: analyseText(text) }), { roster: aRoster() });

describe('negative-tone', () => {
  it('warns about a disparaging sentence, naming its negative words (corpus dev-003)', () => {
    const text = 'Disgraceful behaviour from some parents at pick-up today. Cars parked on the zig-zags AGAIN.';
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/reads as negative \("disgraceful"\): "Disgraceful behaviour from some parents at pick-up today\."/);
    expect(findings[0]!.textSpans).toEqual([{ start: 0, end: 57 }]);
  });

  it('is quiet for positive posts', () => {
    expect(check('We won! Our netball team are county champions - so proud of every single player.')).toEqual([]);
  });
});
