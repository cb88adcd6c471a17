import { err, ok, type Result } from '../errors';
import { clip, listSome, quote } from './quote';
import type { RosterIssue } from './types';

export const FIELDS = [
  'upn',
  'staffCode',
  'legalForename',
  'surname',
  'preferredForename',
  'year',
  'regGroup',
  'role',
  'socialMedia',
  'website',
  'print',
  'nameConsent',
  'biometric',
  'photoFile',
] as const;

export type Field = (typeof FIELDS)[number];

interface ColumnSpec {
  field: Field;
  /** How the column is named in messages and in the README. */
  label: string;
  /** Header spellings seen in SIMS, Arbor and Bromcom exports, compared by headerKey. */
  aliases: string[];
  required: boolean;
}

/** MIS exports name the three photo-consent columns after the use, in these word orders. */
const photoConsentColumn = (field: Field, use: string): ColumnSpec => ({
  field,
  label: `Photo Consent ${use}`,
  aliases: [`Photo Consent ${use}`, `${use} Consent`, `Consent ${use}`, `${use} Photo Consent`],
  required: true,
});

export const COLUMNS: readonly ColumnSpec[] = [
  { field: 'upn', label: 'UPN', aliases: ['UPN', 'Unique Pupil Number', 'Pupil UPN'], required: false },
  { field: 'staffCode', label: 'Staff Code', aliases: ['Staff Code', 'Staff ID', 'Staff Number'], required: false },
  {
    field: 'legalForename',
    label: 'Legal Forename',
    aliases: ['Legal Forename', 'Forename', 'First Name', 'Legal First Name', 'Given Name'],
    required: true,
  },
  {
    field: 'surname',
    label: 'Legal Surname',
    aliases: ['Legal Surname', 'Surname', 'Last Name', 'Family Name'],
    required: true,
  },
  {
    field: 'preferredForename',
    label: 'Preferred Forename',
    aliases: ['Preferred Forename', 'Preferred Name', 'Preferred First Name', 'Known As', 'Chosen Name'],
    required: false,
  },
  { field: 'year', label: 'Year', aliases: ['Year', 'Year Group', 'NC Year'], required: false },
  {
    field: 'regGroup',
    label: 'Reg Group',
    aliases: ['Reg Group', 'Registration Group', 'Reg', 'Form', 'Form Group', 'Tutor Group', 'Class'],
    required: false,
  },
  { field: 'role', label: 'Role', aliases: ['Role', 'Person Type'], required: false },
  photoConsentColumn('socialMedia', 'Social Media'),
  photoConsentColumn('website', 'Website'),
  photoConsentColumn('print', 'Print'),
  { field: 'nameConsent', label: 'Name Consent', aliases: ['Name Consent', 'Consent Name', 'Publish Name Consent'], required: true },
  {
    field: 'biometric',
    label: 'Biometric Consent',
    aliases: ['Biometric Consent', 'Biometrics Consent', 'Consent Biometric', 'Facial Recognition Consent'],
    required: true,
  },
  {
    field: 'photoFile',
    label: 'Photo File',
    aliases: ['Photo File', 'Photo Path', 'Photo Filename', 'Reference Photo'],
    required: false,
  },
];

/** Case, spaces, punctuation and accents do not matter: "Reg. Group" = "REG_GROUP" = "reggroup". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const fieldByKey = new Map<string, Field>(COLUMNS.flatMap((column) => column.aliases.map((alias) => [headerKey(alias), column.field] as const)));

const labelOf = (field: Field): string => COLUMNS.find((column) => column.field === field)?.label ?? field;

export interface ColumnMap {
  /** Cell index of each field present. */
  index: Partial<Record<Field, number>>;
  /** The header as written in the file, for messages. */
  header: Partial<Record<Field, string>>;
  /** Non-blank headers that match no field. */
  ignored: string[];
}

/**
 * Headers the ORM lead matched to fields by hand, for an export whose headers Checkpost does not know (remembered by the
 * options page for the next export with the same headers). A field chosen here is never also looked for by its aliases.
 */
export type ColumnChoice = Partial<Record<Field, string>>;

/** Each header's field: chosen by hand first, then by alias for fields not chosen. */
function fieldsOf(choice: ColumnChoice): (header: string) => Field | undefined {
  const chosen = new Map(Object.entries(choice).map(([field, header]) => [headerKey(header), field as Field]));
  const chosenFields = new Set(chosen.values());
  return (header) => {
    const key = headerKey(header);
    const byAlias = fieldByKey.get(key);
    return chosen.get(key) ?? (byAlias === undefined || chosenFields.has(byAlias) ? undefined : byAlias);
  };
}

/** How many headers name a known column: used to tell which delimiter splits the header right, and which row it is. */
export function countKnownHeaders(headers: string[], choice: ColumnChoice = {}): number {
  const fieldOf = fieldsOf(choice);
  return headers.filter((header) => fieldOf(header) !== undefined).length;
}

/** Each field's column as the headers name it, by hand or by alias, with the clashes found; not yet checked for what is missing. */
export function detectColumns(headers: string[], choice: ColumnChoice = {}): { columns: ColumnMap; clashes: string[] } {
  const columns: ColumnMap = { index: {}, header: {}, ignored: [] };
  const clashes: string[] = [];
  const fieldOf = fieldsOf(choice);
  headers.forEach((raw, index) => {
    // Headers reappear in every message about their column.
    const header = clip(raw.trim());
    if (header === '') return;
    const field = fieldOf(raw.trim());
    if (field === undefined) {
      columns.ignored.push(header);
    } else if (columns.header[field] !== undefined) {
      clashes.push(`"${columns.header[field]}" and "${header}" both look like ${labelOf(field)}`);
    } else {
      columns.index[field] = index;
      columns.header[field] = header;
    }
  });
  return { columns, clashes };
}

/**
 * Finds each field's column. A missing required column or two columns naming the same field
 * is one error for the whole file, listing what was found so staff can see the mismatch.
 */
export function mapColumns(headers: string[], choice: ColumnChoice = {}): Result<ColumnMap, RosterIssue> {
  const { columns, clashes } = detectColumns(headers, choice);
  const missing = COLUMNS.filter((column) => column.required && columns.index[column.field] === undefined).map((column) => column.label);
  if (columns.index.upn === undefined && columns.index.staffCode === undefined) missing.unshift('UPN (or Staff Code)');

  const problems: string[] = [];
  if (missing.length > 0) problems.push(`The roster is missing required columns: ${missing.join(', ')}.`);
  if (clashes.length > 0) problems.push(`Some columns are ambiguous: ${listSome(clashes, '; ')}. Remove or rename one of each.`);
  if (problems.length === 0) return ok(columns);

  const found = headers.map((header) => header.trim()).filter((header) => header !== '');
  problems.push(`Columns found: ${found.length > 0 ? listSome(found.map(quote)) : 'none'}.`);
  return err({ message: problems.join(' ') });
}
