import { describe, expect, it } from 'vitest';
import { countKnownHeaders, headerKey, mapColumns } from '../../../lib/roster/columns';
import { HEADER } from './roster-csv';

describe('mapColumns', () => {
  it('maps the corpus export header to every field', () => {
    const mapped = mapColumns(HEADER);
    if (!mapped.ok) throw new Error(mapped.error.message);
    expect(mapped.value.index).toMatchObject({ upn: 0, legalForename: 1, surname: 2, biometric: 11, photoFile: 12 });
    expect(mapped.value.ignored).toEqual([]);
  });

  it('ignores case, spacing and punctuation and knows other MIS spellings', () => {
    const headers = [
      ' upn ',
      'FORENAME',
      'Surname',
      'Known As',
      'Registration Group',
      'Social-Media Consent',
      'website consent',
      'Print_Consent',
      'Name Consent',
      'BIOMETRIC CONSENT',
      'Photo File',
      'Date of Birth',
    ];
    const mapped = mapColumns(headers);
    if (!mapped.ok) throw new Error(mapped.error.message);
    expect(mapped.value.index).toMatchObject({
      upn: 0,
      legalForename: 1,
      surname: 2,
      preferredForename: 3,
      regGroup: 4,
      socialMedia: 5,
      website: 6,
      print: 7,
      nameConsent: 8,
      biometric: 9,
      photoFile: 10,
    });
    expect(mapped.value.header.upn).toBe('upn');
    expect(mapped.value.ignored).toEqual(['Date of Birth']);
    expect(headerKey('Reg. Group')).toBe(headerKey('REG_GROUP'));
  });

  it('accepts a Staff Code column instead of UPN', () => {
    expect(mapColumns(['Staff Code', ...HEADER.slice(1)]).ok).toBe(true);
  });

  it('lists every missing required column and the columns found, in one error', () => {
    const mapped = mapColumns(['Forename', 'Surname', 'Photo Consent Social Media', 'Shoe Size']);
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.error.message).toBe(
      'The roster is missing required columns: UPN (or Staff Code), Photo Consent Website, Photo Consent Print, Name Consent, Biometric Consent. ' +
        'Columns found: "Forename", "Surname", "Photo Consent Social Media", "Shoe Size".',
    );
  });

  it('refuses two columns that name the same field rather than guess', () => {
    const mapped = mapColumns([...HEADER, 'Surname']);
    expect(mapped.ok || mapped.error.message).toMatch(/"Legal Surname" and "Surname" both look like Legal Surname/);
  });

  it('counts known headers so a wrong delimiter scores zero', () => {
    expect(countKnownHeaders(HEADER)).toBe(13);
    expect(countKnownHeaders([HEADER.join(';')])).toBe(0);
  });
});
