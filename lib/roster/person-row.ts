import type { ColumnMap, Field } from './columns';
import { readConsent } from './consent-value';
import { quote } from './quote';
import type { Consents, Person, Role, RosterIssue } from './types';
import { normaliseUpn, upnProblem } from './upn';

export interface PersonRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  person: Person;
}

export interface RowOutcome {
  personRow: PersonRow | null;
  errors: RosterIssue[];
  /** Consent columns left blank on this row (read as No). */
  blankConsents: ConsentField[];
}

export type ConsentField = 'socialMedia' | 'website' | 'print' | 'nameConsent' | 'biometric';

const CONSENT_FIELDS: readonly [ConsentField, keyof Consents][] = [
  ['socialMedia', 'socialMedia'],
  ['website', 'website'],
  ['print', 'print'],
  ['nameConsent', 'name'],
  ['biometric', 'biometric'],
];

const PUPIL_ROLES = new Set(['pupil', 'student', 'learner']);
const STAFF_ROLES = new Set(['staff', 'teacher', 'teaching assistant', 'support staff', 'employee']);

/** Names are compared and shown in one form: NFC, single spaces, diacritics kept. */
export const cleanName = (value: string): string => value.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Turns one data record into a person, or lists every problem on the row so all can be fixed at once. */
export function readPersonRow(cells: string[], row: number, columns: ColumnMap, headerWidth: number): RowOutcome {
  // One cell too many or too few shifts every value after it into the next column: a blank social media
  // consent could make the Name Consent N read as Y. So the row is not read at all, whatever the cells hold.
  if (cells.length !== headerWidth) {
    const fix =
      cells.length > headerWidth
        ? 'Remove the extra cell, or put quotes around a value that contains the separator (such as a comma).'
        : 'Add the missing cell (leave it empty if there is no value).';
    const message = `This row has ${cells.length} cells but the header has ${headerWidth} columns, so values would be in the wrong columns. ${fix}`;
    return { personRow: null, errors: [{ row, message }], blankConsents: [] };
  }
  const errors: RosterIssue[] = [];
  const cell = (field: Field): string => {
    const index = columns.index[field];
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const problem = (field: Field, message: string): void => {
    errors.push({ row, column: columns.header[field], message });
  };

  const legalForename = cleanName(cell('legalForename'));
  const surname = cleanName(cell('surname'));
  if (legalForename === '') problem('legalForename', 'The forename is blank.');
  if (surname === '') problem('surname', 'The surname is blank.');

  const role = readRole(cell('role'));
  if (role === null) problem('role', `${quote(cleanName(cell('role')))} is not a role Checkpost knows. Use Pupil or Staff.`);

  const id = role === 'staff' ? cleanName(cell('staffCode')) : normaliseUpn(cell('upn'));
  if (role === 'staff' && id === '') {
    problem('staffCode', 'A staff member needs a Staff Code (their id in the MIS). Add a Staff Code column if there is none.');
  }
  if (role === 'pupil') {
    const upnIssue = id === '' ? 'The UPN is blank. Every pupil needs their UPN from the MIS.' : upnProblem(id);
    if (upnIssue !== null) problem('upn', upnIssue);
  }

  const consents: Consents = { socialMedia: false, website: false, print: false, name: false, biometric: false };
  const blankConsents: ConsentField[] = [];
  for (const [field, key] of CONSENT_FIELDS) {
    const value = readConsent(cell(field));
    if (value === 'invalid') {
      problem(field, `${quote(cell(field).trim())} is not a consent answer. Use Y or N (Yes/No, True/False, 1/0 also work).`);
    }
    if (value === 'blank') blankConsents.push(field);
    consents[key] = value === 'yes';
  }

  if (errors.length > 0 || role === null) return { personRow: null, errors, blankConsents };

  const photoFile = cell('photoFile').trim().replace(/\\/g, '/');
  const preferredForename = cleanName(cell('preferredForename'));
  const person: Person = {
    id,
    legalForename,
    surname,
    preferredForename: preferredForename === '' ? legalForename : preferredForename,
    year: cleanName(cell('year')),
    regGroup: cleanName(cell('regGroup')),
    role,
    consents,
    ...(photoFile === '' ? {} : { photoFile }),
  };
  return { personRow: { row, person }, errors, blankConsents };
}

/** Blank means pupil: most exports list pupils only and have no Role column. */
function readRole(value: string): Role | null {
  const role = cleanName(value).toLowerCase();
  if (role === '' || PUPIL_ROLES.has(role)) return 'pupil';
  if (STAFF_ROLES.has(role)) return 'staff';
  return null;
}
