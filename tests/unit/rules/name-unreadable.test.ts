import { describe, expect, it } from 'vitest';
import type { NameField } from '../../../lib/engines/ocr/types';
import { nameUnreadable } from '../../../lib/rules/name-unreadable';
import { establishFacts } from '../../../lib/pipeline/establish-facts';
import { anAnalysis, anImageAnalysis, aPerson, aRoster } from '../../support/builders';
import { anOcrLine, anOcrResult, noText } from '../text/ocr-result';

const roster = aRoster(aPerson({ id: 'T1', legalForename: 'Amelia', surname: 'Hughes', preferredForename: 'Amelia' }));
const field = (hasInk: boolean): NameField => ({ region: 0, cue: 'Name:', box: { x: 100, y: 90, width: 500, height: 60 }, hasInk });

const check = (fields: NameField[], ...lines: ReturnType<typeof anOcrLine>[]) =>
  nameUnreadable.check(establishFacts(anAnalysis([anImageAnalysis({ name: 'story.jpg', ocr: anOcrResult(lines, fields) })], { text: noText }), { roster }), { roster });

describe('name-unreadable', () => {
  it('warns when a name field has writing that could not be read, boxing the field', () => {
    const findings = check([field(true)], anOcrLine('Hpeey Hewett', { nameField: 0, confidence: 20 }));
    expect(findings).toEqual([
      { message: 'story.jpg: could not read the name on this sheet — check it is blank, or cover the name before posting.', evidence: [{ imageIndex: 0, box: field(true).box }] },
    ]);
  });

  it('warns for a field with ink that no reading returned words for', () => {
    expect(check([field(true)])).toHaveLength(1);
  });

  it('is quiet for blank fields, fields read as a pupil, and fields read clearly as something else', () => {
    expect(check([field(false)])).toEqual([]);
    expect(check([field(true)], anOcrLine('Amelia Hughes', { nameField: 0, confidence: 40 }))).toEqual([]);
    expect(check([field(true)], anOcrLine('Class 4B', { nameField: 0, confidence: 95 }))).toEqual([]);
  });

  it('counts words of the first reading that fall inside the field', () => {
    expect(check([field(true)], anOcrLine('Name: Emily Watson Date:', { y: 100, confidence: 92 }))).toEqual([]);
  });
});
