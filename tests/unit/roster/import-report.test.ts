import { describe, expect, it } from 'vitest';
import { formatImportReport, formatIssue } from '../../../lib/roster/import-report';
import type { ImportReport } from '../../../lib/roster/types';
import { anImportReport } from '../../support/builders';

const aReport = (overrides: Partial<ImportReport> = {}): ImportReport =>
  anImportReport({ encoding: 'windows-1252', delimiter: ';', rowsRead: 3, pupils: 2, staff: 1, peopleImported: 3, templatesBuilt: 1, ...overrides });

describe('formatIssue', () => {
  it('puts the spreadsheet location first', () => {
    expect(formatIssue({ row: 5, column: 'Photo File', message: 'No face found.' })).toBe('Row 5, column "Photo File": No face found.');
    expect(formatIssue({ row: 5, message: 'Too many cells.' })).toBe('Row 5: Too many cells.');
    expect(formatIssue({ column: 'Role', message: 'Odd.' })).toBe('Column "Role": Odd.');
    expect(formatIssue({ message: 'The file is empty.' })).toBe('The file is empty.');
  });
});

describe('formatImportReport', () => {
  it('leads with what was imported and how the file was read', () => {
    expect(formatImportReport(aReport())).toBe(
      'Roster roster.csv imported: 3 people (2 pupils, 1 staff) from 3 rows; 1 face template built.\n' + 'Read as Windows-1252 text, semicolon-separated.',
    );
  });

  it('says plainly that nothing was imported and lists what to fix', () => {
    const text = formatImportReport(
      aReport({
        imported: false,
        peopleImported: 0,
        templatesBuilt: 0,
        photosChecked: false,
        errors: [
          { row: 3, column: 'Biometric Consent', message: '"Maybe" is not a consent answer.' },
          { row: 7, column: 'UPN', message: 'The UPN is blank.' },
        ],
        warnings: [{ message: 'Name Consent is blank on row 4: read as No.' }],
      }),
    );
    expect(text.split('\n')).toEqual([
      'Roster roster.csv NOT imported: nothing was changed. Fix the 2 problems below and import it again.',
      'Read as Windows-1252 text, semicolon-separated.',
      '',
      'Problems (2):',
      '  - Row 3, column "Biometric Consent": "Maybe" is not a consent answer.',
      '  - Row 7, column "UPN": The UPN is blank.',
      'Reference photos were not checked yet: they are checked once the spreadsheet has no problems.',
      '',
      'Warnings (1):',
      '  - Name Consent is blank on row 4: read as No.',
    ]);
  });

  it('lists unused photos, people without photos (shortened) and ignored columns', () => {
    const pupil = (row: number) => ({ row, id: `P${row}`, name: `Pupil ${row}`, role: 'pupil' as const });
    const text = formatImportReport(
      aReport({
        photosNotUsed: [{ ...pupil(4), name: 'Harry Bennett', photoFile: 'photos/h.jpg' }],
        withoutPhotos: Array.from({ length: 12 }, (_, i) => pupil(i + 10)),
        ignoredColumns: ['Date of Birth'],
      }),
    );
    expect(text).toContain('Photos on file not used, no biometric consent (1):\n  - Row 4, Harry Bennett (photos/h.jpg): photo on file not used: no biometric consent.');
    expect(text).toContain('No reference photo (12): Pupil 10 (row 10), Pupil 11 (row 11),');
    expect(text).toContain('Pupil 19 (row 19) and 2 more.');
    expect(text).toContain('Columns not used (their values are not stored): Date of Birth.');
    expect(text).toMatch(/never recognised: a photo showing them is held as an unknown face/);
  });
});
