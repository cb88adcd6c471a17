import { beforeAll, describe, expect, it } from 'vitest';
import { nameInText } from '../../../lib/rules/name-in-text';
import { loadCommonWordsNode } from '../../../lib/text/common-words-node';
import { establishFacts } from '../../../lib/pipeline/establish-facts';
import { anAnalysis, aPerson, aRoster } from '../../support/builders';
import { noText } from '../text/ocr-result';

const roster = aRoster(
  aPerson({ id: 'T1', legalForename: 'Amelia', surname: 'Hughes', preferredForename: 'Amelia', consents: { name: true } }),
  aPerson({ id: 'H2', legalForename: 'Jack', surname: 'Robinson', preferredForename: 'Jack', consents: { name: false } }),
  aPerson({ id: 'X1', legalForename: 'Ava', surname: 'Robinson', preferredForename: 'Ava', consents: { name: true } }),
  aPerson({ id: 'Y1', legalForename: 'Thomas', surname: 'Whitfield', preferredForename: 'Tom', consents: { name: true } }),
  aPerson({ id: 'E1', legalForename: 'William', surname: 'Fletcher', preferredForename: 'Will', consents: { name: false } }),
);

let commonWords: ReadonlySet<string>;
beforeAll(async () => {
  commonWords = await loadCommonWordsNode();
});

const check = (text: string) => nameInText.check(establishFacts(anAnalysis([], { post: { platform: 'x', text }, text: noText }), { roster, commonWords }), { roster });

describe('name-in-text', () => {
  it('holds a full name even with name consent, highlighting it', () => {
    const text = 'Congratulations to Amelia Hughes for winning!';
    const [finding] = check(text);
    expect(finding!.message).toMatch(/"Amelia Hughes", the full name of Amelia Hughes/);
    expect(finding!.textSpans!.map((span) => text.slice(span.start, span.end))).toEqual(['Amelia', 'Hughes']);
    expect(finding!.evidence).toEqual([]);
  });

  it('passes a lone first name with name consent, holds one without', () => {
    expect(check('Well done Amelia for a brilliant poem!')).toEqual([]);
    expect(check('Well done Jack!')[0]!.message).toMatch(/first name of Jack Robinson, who has no name consent/);
  });

  it('finds a preferred full name and both names in a shared-surname sentence', () => {
    expect(check("Tom Whitfield's mum left a coat")[0]!.personId).toBe('Y1');
    expect(
      check('Well done to Jack and Ava Robinson!')
        .map((finding) => finding.personId)
        .sort(),
    ).toEqual(['H2', 'X1']);
  });

  it('leaves ordinary words alone', () => {
    expect(check('Our Rose Garden open afternoon is next Friday. Will you join us?')).toEqual([]);
  });
});
