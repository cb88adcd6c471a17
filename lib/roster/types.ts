import type { CheckError, ErrorCode, Result } from '../errors';
import type { BiometricRecord } from './biometrics';

export type Role = 'pupil' | 'staff';

/** What a photo is being published for; a pupil's consent is recorded per purpose. */
export type Purpose = 'social_media' | 'website' | 'print';

export interface Consents {
  socialMedia: boolean;
  website: boolean;
  print: boolean;
  /** The pupil's first name may be published on its own. */
  name: boolean;
  /** A face template may be built from the reference photo. */
  biometric: boolean;
}

export interface Person {
  /** UPN for pupils; the staff code for staff. */
  id: string;
  legalForename: string;
  surname: string;
  preferredForename: string;
  year: string;
  regGroup: string;
  role: Role;
  consents: Consents;
  /** The Photo File cell as written: one path relative to the roster CSV, or several separated by ";". */
  photoFile?: string;
}

/** A face descriptor of an enrolled person. Only built where biometric consent is given. */
export interface FaceTemplate {
  personId: string;
  /** Id of the descriptor model, so templates from another model are never compared. */
  modelId: string;
  descriptor: number[];
}

export interface Roster {
  people: Person[];
  /** Always empty while `biometrics` is null. */
  templates: FaceTemplate[];
  /** The school's DPIA and notice to parents; null: face matching is off and no face is recognised. */
  biometrics: BiometricRecord | null;
}

/** Reads a reference photo by its path relative to the roster CSV. */
export type PhotoReader = (relativePath: string) => Promise<Result<Uint8Array, CheckError>>;

/** Turns a reference photo into a face descriptor, or says why it cannot (no face, several faces...). */
export type EnrolPhoto = (bytes: Uint8Array, fileName: string) => Promise<Result<number[], CheckError>>;

/** A problem in the roster, located as staff see it in their spreadsheet. */
export interface RosterIssue {
  /** Spreadsheet row number (the header is row 1); absent for problems with the whole file. */
  row?: number;
  /** Column header as written in the file. */
  column?: string;
  /** Plain-language message: what is wrong and how to fix it. */
  message: string;
  /** Set when the issue comes from reading or enrolling a photo. */
  code?: ErrorCode;
}

/** A roster row named in the report. */
export interface PersonRef {
  row: number;
  id: string;
  /** Preferred forename and surname. */
  name: string;
  role: Role;
}

/** Rows that share an id (an error) or a name under different ids (a warning). */
export interface DuplicateGroup {
  kind: 'same_id' | 'same_name';
  /** The shared id or name. */
  value: string;
  rows: number[];
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * What a roster import did. Counts of pupils and staff describe the file; `peopleImported` and
 * `templatesBuilt` are 0 unless the whole roster was imported. Duplicate rows also appear as
 * errors or warnings; `duplicates` repeats them in structured form for a UI.
 */
export interface ImportReport {
  csvName: string;
  imported: boolean;
  /** Absent when the file could not be decoded at all. */
  encoding?: TextEncodingName;
  delimiter?: CsvDelimiter;
  /** Non-blank data rows. */
  rowsRead: number;
  pupils: number;
  staff: number;
  peopleImported: number;
  templatesBuilt: number;
  errors: RosterIssue[];
  warnings: RosterIssue[];
  /** People with no Photo File: they can never be recognised, so their faces count as unknown. */
  withoutPhotos: PersonRef[];
  /** People with photos but no biometric consent: the photos were not read. `photoFile` lists them as a Photo File cell does. */
  photosNotUsed: (PersonRef & { photoFile: string })[];
  /** Images offered with the roster that belong to no row (named after no UPN or staff code on it): never read. */
  photosWithoutRows: string[];
  duplicates: DuplicateGroup[];
  /** Columns in the file that Checkpost does not use; their values are never stored. */
  ignoredColumns: string[];
  /** False when the CSV itself had errors, so reference photos were not read or enrolled. */
  photosChecked: boolean;
}
