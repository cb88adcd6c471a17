import { describe, expect, it } from 'vitest';
import { headerSignature, previewColumns } from '../../../lib/roster/column-preview';
import { mapColumns } from '../../../lib/roster/columns';
import { importRoster } from '../../../lib/roster/import-roster';
import { NO_PHOTOS } from '../../../lib/roster/photo-files';
import { aRow, aUpn, HEADER, toCsv, utf8 } from './roster-csv';

/** An export from a system whose headers Checkpost does not know: its own words for three required columns. */
const OWN_WORDS: Record<string, string> = { 'Legal Forename': 'Pupil first', 'Photo Consent Social Media': 'OK for socials', 'Biometric Consent': 'Face ID OK' };
const ownHeader = HEADER.map((header) => OWN_WORDS[header] ?? header);
const csv = utf8(toCsv([ownHeader, aRow(1), aRow(2, { 'Biometric Consent': 'N' })]));
const choice = { legalForename: 'Pupil first', socialMedia: 'OK for socials', biometric: 'Face ID OK' };

describe('previewColumns', () => {
  it('shows the headers, the first rows and what was recognised, and says which required columns are missing', () => {
    const preview = previewColumns(csv, 'export.csv');
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value.headers).toEqual(ownHeader);
    expect(preview.value.sample.map((row) => row[0])).toEqual([aUpn(1), aUpn(2)]);
    expect(preview.value.mapped).toMatchObject({ upn: 'UPN', surname: 'Legal Surname', nameConsent: 'Name Consent' });
    expect(preview.value.mapped.legalForename).toBeUndefined();
    expect(preview.value.problem).toMatch(/^The roster is missing required columns: Legal Forename, Photo Consent Social Media, Biometric Consent\./);
  });

  it('has no problem once the ORM lead matches those columns by hand', () => {
    const preview = previewColumns(csv, 'export.csv', choice);
    expect(preview.ok && preview.value.problem).toBeNull();
    expect(preview.ok && preview.value.mapped.biometric).toBe('Face ID OK');
  });

  it('fails for a file with nothing in it', () => {
    expect(previewColumns(new Uint8Array(), 'export.csv')).toEqual({ ok: false, error: 'export.csv is empty. Export the roster from your MIS again.' });
  });

  it('remembers a choice by the headers alone, whatever their case or spacing', () => {
    expect(headerSignature([' UPN', 'Pupil First'])).toBe(headerSignature(['upn', 'pupil first ']));
    expect(headerSignature(['UPN', 'Pupil first'])).not.toBe(headerSignature(['Pupil first', 'UPN']));
  });
});

describe('a column chosen by hand', () => {
  it('imports the export, reading each consent from the column chosen for it', async () => {
    const { report, roster } = await importRoster({ csv, csvName: 'export.csv', photos: NO_PHOTOS, columns: choice });
    expect(report.errors).toEqual([]);
    expect(roster?.people.map((person) => [person.legalForename, person.consents.biometric])).toEqual([
      ['Pupil1', true],
      ['Pupil2', false],
    ]);
  });

  it('takes the place of the column its alias would find, so the two never clash', () => {
    const headers = [...HEADER, 'Surname'];
    const clash = mapColumns(headers);
    expect(clash.ok || clash.error.message).toMatch(/"Legal Surname" and "Surname" both look like Legal Surname/);
    const mapped = mapColumns(headers, { surname: 'Surname' });
    expect(mapped.ok && mapped.value.index.surname).toBe(HEADER.length);
  });
});
