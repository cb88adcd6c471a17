import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../../lib/roster/parse-roster';
import { corpusAvailable, corpusNote, corpusPath } from '../../support/corpus';
import { aRow, aUpn, HEADER, toCsv } from './roster-csv';

const people = (text: string) => parseRoster(text).personRows.map(({ person }) => person);

describe('parseRoster: reading the CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, with CRLF line ends', () => {
    const text =
      'UPN,Legal Forename,Legal Surname,Preferred Forename,Photo Consent Social Media,Photo Consent Website,' +
      'Photo Consent Print,Name Consent,Biometric Consent\r\n' +
      `${aUpn(1)},"Mary, Jane","O""Brien","Mae\r\nJ",Y,Y,Y,Y,N\r\n` +
      `${aUpn(2)},Tom,Smith,,Y,Y,Y,Y,N\r\n`;
    const parsed = parseRoster(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.personRows.map(({ row, person }) => [row, person.legalForename, person.surname, person.preferredForename])).toEqual([
      [2, 'Mary, Jane', 'O"Brien', 'Mae J'],
      [3, 'Tom', 'Smith', 'Tom'],
    ]);
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('detects %s as the delimiter from the header', (_, delimiter) => {
    const text = toCsv([HEADER, aRow(1, { 'Legal Surname': 'Smith, Jones' })], { delimiter });
    const parsed = parseRoster(text);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.errors).toEqual([]);
    expect(parsed.personRows[0]?.person.surname).toBe('Smith, Jones');
  });

  it('reads LF-only files the same as CRLF ones', () => {
    const crlf = parseRoster(toCsv([HEADER, aRow(1), aRow(2)]));
    const lf = parseRoster(toCsv([HEADER, aRow(1), aRow(2)], { newline: '\n' }));
    expect(lf.personRows).toEqual(crlf.personRows);
    expect(lf.personRows).toHaveLength(2);
  });

  it('skips blank lines but keeps spreadsheet row numbers (header is row 1)', () => {
    const text = toCsv([HEADER, aRow(1), [], ['', '', ''], aRow(2, { 'Photo Consent Print': 'Maybe' })]);
    const parsed = parseRoster(text);
    expect(parsed.rowsRead).toBe(2);
    expect(parsed.errors.map((issue) => [issue.row, issue.column])).toEqual([[5, 'Photo Consent Print']]);
  });

  it('collapses whitespace, keeps diacritics and composes them (NFC)', () => {
    const [person] = people(toCsv([HEADER, aRow(1, { 'Legal Forename': '  Zoe\u0308 ', 'Legal Surname': 'Wiśniewski  Lee' })]));
    expect(person?.legalForename).toBe('Zo\u00eb');
    expect(person?.surname).toBe('Wiśniewski Lee');
  });

  it('says where a quote is left open', () => {
    const text = `${HEADER.join(',')}\r\n${aRow(1).join(',')}\r\n${aUpn(2)},"Tom,Smith,,Year 6\r\n`;
    const parsed = parseRoster(text);
    expect(parsed.errors[0]).toMatchObject({ row: 3, message: expect.stringMatching(/no closing quote/) });
  });

  it('flags a row with more cells than the header (an unquoted comma)', () => {
    const text = `${HEADER.join(',')}\r\n${aRow(1, { 'Legal Surname': 'Smith, Jones' }).join(',')}\r\n`;
    expect(parseRoster(text).errors).toContainEqual({ row: 2, message: expect.stringMatching(/14 cells but the header has 13 columns/) });
  });

  it('refuses a row with one empty cell too many, whatever the extra cells hold, and reads nothing else from it', () => {
    // Shifted one column left, a blank social media consent would make this Name Consent N read as Y.
    const row = aRow(1, { 'Name Consent': 'N' });
    const shifted = [...row.slice(0, 7), '', ...row.slice(7)];
    const parsed = parseRoster(toCsv([HEADER, shifted, aRow(2)]));
    expect(parsed.errors).toEqual([{ row: 2, message: expect.stringMatching(/^This row has 14 cells but the header has 13 columns.*Remove the extra cell/) }]);
    expect(parsed.personRows.map(({ row }) => row)).toEqual([3]);
    expect(parseRoster(`${HEADER.join(',')}\r\n${aRow(1).join(',')},\r\n`).errors).toHaveLength(1);
  });

  it('refuses a row one cell short', () => {
    const parsed = parseRoster(toCsv([HEADER, aRow(1).slice(0, -1)]));
    expect(parsed.errors).toEqual([{ row: 2, message: expect.stringMatching(/12 cells but the header has 13 columns.*Add the missing cell/) }]);
  });

  it('reads a file whose lines end partly in LF and partly in CRLF (or CR)', () => {
    const lines = [HEADER, aRow(1), aRow(2), aRow(3)].map((row) => row.join(','));
    const parsed = parseRoster(`${lines[0]}\r\n${lines[1]}\n${lines[2]}\r${lines[3]}\r\n`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.personRows.map(({ row, person }) => [row, person.id])).toEqual([
      [2, aUpn(1)],
      [3, aUpn(2)],
      [4, aUpn(3)],
    ]);
  });

  it('skips Excel\'s "sep=" line (using its delimiter) and a title above the header, and says so', () => {
    const text = `sep=;\r\nConsent export, summer term\r\n\r\n${toCsv([HEADER, aRow(1, { 'Legal Surname': 'Smith, Jones' })], { delimiter: ';' })}`;
    const parsed = parseRoster(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    // Excel hides the sep= line, so the title is row 1 there, the header row 3 and the pupil row 4.
    expect(parsed.personRows.map(({ row, person }) => [row, person.surname])).toEqual([[4, 'Smith, Jones']]);
    expect(parsed.warnings.map((issue) => issue.message)).toEqual([
      'The first line "sep=;" (a hint Excel adds) was skipped.',
      'The header was found on row 3; row 1 above it (starting "Consent export, summer term") was skipped as a title.',
    ]);
  });

  it('names the row and column of a byte that was not UTF-8, and the byte', () => {
    const parsed = parseRoster(toCsv([HEADER, aRow(1), aRow(2, { 'Preferred Forename': 'Ren\uFFFDe' })]), [0xe9]);
    expect(parsed.errors).toEqual([
      { row: 3, column: 'Preferred Forename', message: expect.stringMatching(/^"Ren\uFFFDe" contains a byte that is not UTF-8 \(0xE9, which in Windows-1252 would be "é"\)/) },
    ]);
    const lost = parseRoster(toCsv([HEADER, aRow(1, { 'Legal Surname': 'L\uFFFDe' })]));
    expect(lost.errors).toEqual([{ row: 2, column: 'Legal Surname', message: expect.stringMatching(/letter lost when the file was converted/) }]);
  });

  it('keeps every message short, however long the cells are', () => {
    const huge = 'x'.repeat(100_000);
    const oneLine = parseRoster(Array.from({ length: 50_000 }, (_, i) => `Column ${i}`).join(','));
    const badCells = parseRoster(toCsv([HEADER, aRow(1, { Role: huge, 'Name Consent': huge }), aRow(2, { UPN: huge })]));
    const messages = [...oneLine.errors, ...badCells.errors].map((issue) => issue.message);
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message.length).toBeLessThan(400);
    expect(oneLine.errors[0]?.message).toMatch(/Columns found: "Column 0", "Column 1", "Column 2", "Column 3", "Column 4" and 49995 more\./);
  });
});

describe('parseRoster: values', () => {
  it('reads consents, role default, preferred forename fallback and photo path', () => {
    const noRoleHeader = HEADER.filter((column) => column !== 'Role');
    const row = aRow(1, {
      'Photo Consent Social Media': 'yes',
      'Photo Consent Website': 'FALSE',
      'Photo Consent Print': '1',
      'Name Consent': 'n',
      'Photo File': 'photos\\pupil.jpg',
    }).filter((_, index) => HEADER[index] !== 'Role');
    const [person] = people(toCsv([noRoleHeader, row]));
    expect(person).toMatchObject({
      id: aUpn(1),
      role: 'pupil',
      preferredForename: 'Pupil1',
      consents: { socialMedia: true, website: false, print: true, name: false, biometric: true },
      photoFile: 'photos/pupil.jpg',
    });
  });

  it('reads blank consent as No and warns once per column, listing the rows', () => {
    const parsed = parseRoster(toCsv([HEADER, aRow(1, { 'Name Consent': '' }), aRow(2), aRow(3, { 'Name Consent': ' ' })]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.personRows.map(({ person }) => person.consents.name)).toEqual([false, false, false]);
    expect(parsed.warnings).toEqual([{ message: 'Name Consent is blank on rows 2 and 4: read as No, because consent must be given positively.' }]);
  });

  it('refuses unknown consent values, naming row, column and value', () => {
    const parsed = parseRoster(toCsv([HEADER, aRow(1), aRow(2, { 'Biometric Consent': 'Maybe' })]));
    expect(parsed.errors).toEqual([{ row: 3, column: 'Biometric Consent', message: expect.stringMatching(/^"Maybe" is not a consent answer\. Use Y or N/) }]);
  });

  it('refuses a pupil without a valid UPN and blank names', () => {
    const parsed = parseRoster(toCsv([HEADER, aRow(1, { UPN: '' }), aRow(2, { UPN: 'A999000000002' }), aRow(3, { 'Legal Surname': ' ' })]));
    expect(parsed.errors.map((issue) => [issue.row, issue.column, issue.message.slice(0, 30)])).toEqual([
      [2, 'UPN', 'The UPN is blank. Every pupil '],
      [3, 'UPN', 'UPN "A999000000002" fails the '],
      [4, 'Legal Surname', 'The surname is blank.'],
    ]);
  });

  it('reads staff rows by Staff Code, and refuses staff without one and unknown roles', () => {
    const header = [...HEADER, 'Staff Code'];
    const parsed = parseRoster(
      toCsv([
        header,
        [...aRow(1), ''],
        [...aRow(2, { UPN: '', Role: 'Staff', 'Legal Forename': 'Ann', 'Legal Surname': 'Teacher' }), 'ATE'],
        [...aRow(3, { UPN: '', Role: 'teacher' }), ''],
        [...aRow(4, { Role: 'Parent' }), ''],
      ]),
    );
    expect(parsed.personRows.map(({ person }) => [person.id, person.role])).toEqual([
      [aUpn(1), 'pupil'],
      ['ATE', 'staff'],
    ]);
    expect(parsed.errors.map((issue) => [issue.row, issue.column])).toEqual([
      [4, 'Staff Code'],
      [5, 'Role'],
    ]);
    expect(parsed.errors[1]?.message).toBe('"Parent" is not a role Checkpost knows. Use Pupil or Staff.');
  });

  it('reports missing required columns once, with the columns found, and reads no rows', () => {
    const parsed = parseRoster(
      toCsv([
        ['UPN', 'Forename', 'Surname'],
        [aUpn(1), 'Ann', 'Lee'],
      ]),
    );
    expect(parsed.personRows).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]?.message).toMatch(/missing required columns: Photo Consent Social Media, .*Columns found: "UPN", "Forename", "Surname"\./);
  });

  it('refuses a file with a header but no people', () => {
    expect(parseRoster(toCsv([HEADER])).errors[0]?.message).toMatch(/no people/);
  });
});

describe('parseRoster: duplicates', () => {
  it('refuses a UPN used twice, naming both rows', () => {
    const parsed = parseRoster(toCsv([HEADER, aRow(1), aRow(2), aRow(1, { 'Legal Forename': 'Other' })]));
    expect(parsed.errors).toEqual([{ row: 2, column: 'UPN', message: `UPN ${aUpn(1)} appears on rows 2 and 4. Each person must appear once, with their own id.` }]);
    expect(parsed.duplicates).toEqual([{ kind: 'same_id', value: aUpn(1), rows: [2, 4] }]);
  });

  it('warns when the same name appears under different UPNs', () => {
    const name = { 'Legal Forename': 'Jack', 'Legal Surname': 'Robinson' };
    const parsed = parseRoster(toCsv([HEADER, aRow(1, name), aRow(2), aRow(3, { ...name, 'Legal Forename': 'JACK' })]));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([{ row: 2, message: 'Jack Robinson appears on rows 2 and 4 with different ids. Check this is not the same pupil entered twice.' }]);
    expect(parsed.duplicates).toEqual([{ kind: 'same_name', value: 'Jack Robinson', rows: [2, 4] }]);
  });
});

describe.skipIf(!corpusAvailable)(`parseRoster on the corpus roster ${corpusNote}`, () => {
  it('reads 45 pupils, 12 with photos, with preferred names and consents as exported', () => {
    const parsed = parseRoster(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    const roster = parsed.personRows.map(({ person }) => person);
    expect(roster).toHaveLength(45);
    expect(roster.every((person) => person.role === 'pupil')).toBe(true);
    expect(roster.filter((person) => person.photoFile !== undefined)).toHaveLength(12);
    const bySurname = (surname: string) => roster.find((person) => person.surname === surname);
    expect(bySurname('Bennett')?.consents.biometric).toBe(false);
    expect(bySurname('Whitfield')?.preferredForename).toBe('Tom');
    expect(bySurname('Wiśniewski')?.legalForename).toBe('Kacper');
    expect(bySurname("O'Connor")?.legalForename).toBe('Siobhán');
  });
});
