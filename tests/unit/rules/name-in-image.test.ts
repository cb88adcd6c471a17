import { beforeAll, describe, expect, it } from 'vitest';
import { nameInImage } from '../../../lib/rules/name-in-image';
import { loadCommonWordsNode } from '../../../lib/text/common-words-node';
import { establishFacts } from '../../../lib/pipeline/establish-facts';
import { anAnalysis, anImageAnalysis, aPerson, aRoster } from '../../support/builders';
import { anOcrLine, anOcrResult, noText } from '../text/ocr-result';

const roster = aRoster(
  aPerson({ id: 'T1', legalForename: 'Amelia', surname: 'Hughes', preferredForename: 'Amelia', consents: { name: true } }),
  aPerson({ id: 'C1', legalForename: 'Arjun', surname: 'Patel', preferredForename: 'Arjun', consents: { name: false } }),
  aPerson({ id: 'G1', legalForename: 'Grace', surname: 'Thompson', preferredForename: 'Grace', consents: { name: true } }),
  aPerson({ id: 'F1', legalForename: 'Rose', surname: 'Begum', preferredForename: 'Rose', consents: { name: false } }),
);

let commonWords: ReadonlySet<string>;
beforeAll(async () => {
  commonWords = await loadCommonWordsNode();
});

const check = (...lines: ReturnType<typeof anOcrLine>[]) =>
  nameInImage.check(establishFacts(anAnalysis([anImageAnalysis({ name: 'cert.jpg', ocr: anOcrResult(lines) })], { text: noText }), { roster, commonWords }), { roster });

describe('name-in-image', () => {
  it('holds a photo showing a full name, boxing the words', () => {
    const findings = check(anOcrLine('This award goes to'), anOcrLine('Amelia Hughes', { y: 200 }));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^cert\.jpg: the photo shows "Amelia Hughes", the full name of Amelia Hughes/);
    expect(findings[0]!.evidence).toEqual([{ imageIndex: 0, box: { x: 10, y: 200, width: 255, height: 30 } }]);
    expect(findings[0]!.personId).toBe('T1');
  });

  it('holds a surname-first name read twice as one finding', () => {
    expect(check(anOcrLine('Pupil: HUGHES, Amelia'), anOcrLine('HUGHES, Amelia', { nameField: 0 }))).toHaveLength(1);
  });

  it('holds a lone first name without name consent, passes one with consent', () => {
    expect(check(anOcrLine('This certificate is awarded to'), anOcrLine('Arjun', { y: 200 }))[0]!.message).toMatch(/first name of Arjun Patel, who has no name consent/);
    expect(check(anOcrLine('This award goes to'), anOcrLine('Grace', { y: 200 }))).toEqual([]);
  });

  it('does not take ordinary words in a photo for names', () => {
    expect(check(anOcrLine('Rose Garden'), anOcrLine('Will you join us?', { y: 200 }), anOcrLine('Plant a rose', { y: 300 }))).toEqual([]);
  });

  it('finds nothing on a photo with no text', () => {
    expect(nameInImage.check(establishFacts(anAnalysis([anImageAnalysis()], { text: noText }), { roster, commonWords }), { roster })).toEqual([]);
  });
});
