import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommonWordsNode } from '../../../lib/text/common-words-node';
import { findPupilNames } from '../../../lib/text/find-pupil-names';
import { tokenise } from '../../../lib/text/tokenise';
import type { WordLine } from '../../../lib/text/types';
import { aPerson } from '../../support/builders';

const amelia = aPerson({ id: 'T1', legalForename: 'Amelia', surname: 'Hughes', preferredForename: 'Amelia' });
const siobhan = aPerson({ id: 'R1', legalForename: 'Siobhán', surname: "O'Connor", preferredForename: 'Siobhán' });
const kacper = aPerson({ id: 'H1', legalForename: 'Kacper', surname: 'Wiśniewski', preferredForename: 'Kacper' });
const mo = aPerson({ id: 'N1', legalForename: 'Mohammed', surname: 'Al-Farsi', preferredForename: 'Mo' });
const thomas = aPerson({ id: 'Y1', legalForename: 'Thomas', surname: 'Whitfield', preferredForename: 'Tom' });
const rose = aPerson({ id: 'F1', legalForename: 'Rose', surname: 'Begum', preferredForename: 'Rose' });
const will = aPerson({ id: 'E1', legalForename: 'William', surname: 'Fletcher', preferredForename: 'Will' });
const jack = aPerson({ id: 'H2', legalForename: 'Jack', surname: 'Robinson', preferredForename: 'Jack' });
const ava = aPerson({ id: 'X1', legalForename: 'Ava', surname: 'Robinson', preferredForename: 'Ava' });
const arjun = aPerson({ id: 'C1', legalForename: 'Arjun', surname: 'Patel', preferredForename: 'Arjun' });
const zoe = aPerson({ id: 'J1', legalForename: 'Zoë', surname: 'Lee', preferredForename: 'Zoë' });
const teacher = aPerson({ id: 'S1', legalForename: 'Jane', surname: 'Carter', preferredForename: 'Jane', role: 'staff' });
const people = [amelia, siobhan, kacper, mo, thomas, rose, will, jack, ava, arjun, zoe, teacher];

let commonWords: ReadonlySet<string>;
beforeAll(async () => {
  commonWords = await loadCommonWordsNode();
});

const inText = (text: string) => findPupilNames(tokenise(text), people, { commonWords });
const read = (...lines: string[]): WordLine[] => lines.map((line) => ({ words: line.split(' ').map((text) => ({ text })), group: 0 }));
const inImage = (lines: WordLine[]) => findPupilNames(lines, people, { ocr: true, commonWords });

describe('findPupilNames: full names', () => {
  it.each([
    ['Congratulations to Amelia Hughes!', 'T1'],
    ['HUGHES, Amelia has a new book', 'T1'],
    ['well done amelia hughes', 'T1'],
    ['Kacper Wisniewski and friends', 'H1'],
    ['Siobhan OConnor swam', 'R1'],
    ["Tom Whitfield's mum", 'Y1'],
    ['Thomas Whitfield', 'Y1'],
    ['Mo Al Farsi scored', 'N1'],
    ['Zoe Lee ran', 'J1'],
  ])('finds %j', (text, id) => {
    const mentions = inText(text).filter((mention) => mention.kind === 'full_name');
    expect(mentions.map((mention) => mention.personIds)).toEqual([[id]]);
    expect(mentions[0]!.evidence).toBe('full_name');
  });

  it('gives the character range of each word, for highlighting', () => {
    const [mention] = inText('Well done, Amelia Hughes!');
    expect(mention!.spans).toEqual([
      { start: 11, end: 17 },
      { start: 18, end: 24 },
    ]);
  });

  it('does not take a surname alone, or a staff name, as a pupil', () => {
    expect(inText('Mrs Hughes and Mr Robinson thank Jane Carter')).toEqual([]);
  });

  it('matches typed text exactly but allows OCR misreadings within bounds', () => {
    expect(inText('Amelia Hugnes won').filter((mention) => mention.kind === 'full_name')).toEqual([]);
    const [mention] = inImage(read('Amelia Hugnes'));
    expect(mention).toMatchObject({ kind: 'full_name', personIds: ['T1'], approximate: true });
    expect(inImage(read('Mo Al-Farsl'))[0]).toMatchObject({ personIds: ['N1'], approximate: true });
    expect(inImage(read('0 Connor Siobhan'))[0]).toMatchObject({ personIds: ['R1'] });
  });

  it('never invents a name from short or distant words', () => {
    expect(inImage(read('Zoo Lea'))).toEqual([]);
    expect(inImage(read('Emily Watson'))).toEqual([]);
    expect(inImage(read('Amelia', 'Hughes'))).toEqual([expect.objectContaining({ kind: 'first_name' })]);
    expect(inImage(read('Aurelia Hugo'))).toEqual([]);
  });

  it('puts a name together from two readings of the same name field', () => {
    const readings: WordLine[] = [
      { words: [{ text: 'Jabhan,' }, { text: '0' }, { text: 'Cornot' }], nameField: 3 },
      { words: [{ text: 'Jbkdn' }, { text: '0' }, { text: 'Connor' }], nameField: 3 },
    ];
    expect(inImage(readings)).toEqual([expect.objectContaining({ kind: 'full_name', personIds: ['R1'], text: 'Jabhan, 0 Connor', evidence: 'name_field' })]);
    expect(inImage(readings.map((line, index) => ({ ...line, nameField: index })))).toEqual([]);
  });

  it('tolerates more misreading where a name is expected, and only there', () => {
    const words = [{ text: 'Jaobhan,' }, { text: '0' }, { text: 'Cornot' }];
    expect(inImage([{ words, nameField: 0 }])[0]).toMatchObject({ kind: 'full_name', personIds: ['R1'] });
    expect(inImage([{ words }])).toEqual([]);
  });
});

describe('findPupilNames: lone first names', () => {
  it('reports everyone who shares a first name', () => {
    const shared = findPupilNames(tokenise('Well done Jack!'), [...people, aPerson({ id: 'H3', legalForename: 'Jack', surname: 'Hall' })], { commonWords });
    expect(shared).toEqual([expect.objectContaining({ kind: 'first_name', personIds: ['H2', 'H3'] })]);
  });

  it('takes a name that is not an English word in any position and case', () => {
    expect(inText('Arjun smashed it')[0]).toMatchObject({ personIds: ['C1'], evidence: 'distinct_name' });
    expect(inText('proud of siobhán')[0]).toMatchObject({ personIds: ['R1'] });
  });

  it.each([
    'Our Rose Garden open afternoon is next Friday. Will you join us?',
    'Will the rain ever stop?',
    'we hope you will come',
    'Plant a rose',
    'WILL THE RAIN EVER STOP? BY GRACE OF THE SUN',
    'Willow Class and the Tom cat',
  ])('does not take ordinary words for names: %j', (text) => {
    expect(inText(text).filter((mention) => mention.personIds.includes('F1') || mention.personIds.includes('E1'))).toEqual([]);
  });

  it('takes an ordinary-word name with evidence: a capital mid-sentence, a label, award wording', () => {
    expect(inText('Thanks to Rose and Will for helping')).toEqual([
      expect.objectContaining({ personIds: ['F1'], evidence: 'capitalised' }),
      expect.objectContaining({ personIds: ['E1'], evidence: 'capitalised' }),
    ]);
    expect(inImage(read('Name: Will'))[0]).toMatchObject({ personIds: ['E1'], evidence: 'name_label' });
    expect(inImage(read('This award goes to', 'Rose'))[0]).toMatchObject({ personIds: ['F1'], evidence: 'award_wording' });
    expect(inImage([{ words: [{ text: 'Will' }], nameField: 0 }])[0]).toMatchObject({ evidence: 'name_field' });
  });

  it('treats every first name as a name when no word list is given (fail closed)', () => {
    expect(findPupilNames(tokenise('Will you join us?'), people)).toEqual([expect.objectContaining({ personIds: ['E1'] })]);
  });

  it('does not report the first name again inside a full name', () => {
    expect(inText('Jack Robinson and Ava Robinson').map((mention) => mention.kind)).toEqual(['full_name', 'full_name']);
  });
});
