import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseUpn, upnCheckLetter, upnProblem } from '../../../lib/roster/upn';
import { corpusAvailable, corpusNote, corpusPath } from '../../support/corpus';

describe('UPN check letter (DfE algorithm)', () => {
  it('accepts published valid examples and rejects their corrupted forms', () => {
    // python-stdnum's doctests (stdnum.gb.upn).
    expect(upnProblem('B801200005001')).toBeNull();
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(upnProblem('A801200005001')).toMatch(/check-letter/);
    // By hand: 2·2 + 4·7 + 9·1 + 10·6 + 12·4 + 13·9 = 266; 266 mod 23 = 13, the 14th letter of the table.
    expect(upnCheckLetter('207000016049')).toBe('P');
  });

  it('catches a single mistyped digit', () => {
    expect(upnProblem('B801200005002')).toMatch(/check-letter/);
  });

  it('handles temporary UPNs, whose last character is a letter valued by its place in the table', () => {
    // Last letter A = 0, so the check letter equals that of the same body ending in 0.
    expect(upnCheckLetter('80120000500A')).toBe(upnCheckLetter('801200005000'));
    expect(upnCheckLetter('80120000500B')).toBe(upnCheckLetter('801200005001'));
    // I, O and S are never used.
    expect(upnCheckLetter('80120000500I')).toBeNull();
  });

  it('explains wrong lengths and shapes', () => {
    expect(upnProblem('B80120000500')).toMatch(/12 characters; a UPN has 13/);
    expect(upnProblem('B80120000X001')).toMatch(/letter followed by 12 digits/);
    expect(upnProblem('1801200005001')).toMatch(/letter followed by 12 digits/);
    expect(upnProblem('I801200005001')).toMatch(/letter followed by 12 digits/);
  });

  it('normalises spacing and case before checking', () => {
    expect(normaliseUpn(' b801 2000 05001 ')).toBe('B801200005001');
  });
});

describe.skipIf(!corpusAvailable)(`UPNs of the corpus roster ${corpusNote}`, () => {
  it('all pass the check letter test they were generated with', () => {
    const upns = readFileSync(corpusPath('roster', 'roster.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line !== '')
      .map((line) => line.split(',')[0] ?? '');
    expect(upns).toHaveLength(45);
    expect(upns.map(upnProblem).filter((problem) => problem !== null)).toEqual([]);
  });
});
