import { decodeText } from './decode-text';
import { emptyImportReport } from './import-report';
import { enrolPhotos, planPhotos } from './enrol-people';
import type { ColumnChoice } from './columns';
import { byRow, parseRoster } from './parse-roster';
import { assignPhotos, type PhotoFiles } from './photo-files';
import type { BiometricRecord } from './biometrics';
import type { EnrolPhoto, ImportReport, Roster } from './types';

export interface ImportRosterInput {
  /** The CSV file exactly as exported. */
  csv: Uint8Array;
  /** File name shown to staff. */
  csvName: string;
  /** Columns the ORM lead matched by hand, for headers Checkpost does not know. */
  columns?: ColumnChoice;
  /** The reference photos offered: matched to rows by the Photo File column, or by UPN or staff code in the file name. */
  photos: PhotoFiles;
  /**
   * How reference photos become templates, under the school's record of its DPIA and notice to parents: no template
   * is made without one. Absent when face matching is off, or nothing needs faces (a text-only check from the CLI):
   * no photo is read, no template made, and the report says photos were not checked.
   */
  enrolment?: {
    enrolPhoto: EnrolPhoto;
    /** Stamped on every template, so templates from another model are never compared. */
    modelId: string;
    biometrics: BiometricRecord;
    /** Told after each reference photo, so a long enrolment can show how far it has got. */
    onProgress?: (done: number, total: number) => void;
    /** Stops enrolment between photos; the import then makes no roster. */
    signal?: AbortSignal;
  };
}

export interface ImportResult {
  report: ImportReport;
  /** Null unless every row and every consented photo was fine: an import is all or nothing. */
  roster: Roster | null;
  /** People whose photos are (or, with no enrolment given, would be) made into templates, and how many photos. */
  toEnrol: { people: string[]; photos: number };
}

/**
 * Imports an MIS roster export. Photos are read and enrolled only for people with biometric
 * consent, and only once the CSV itself has no errors (enrolment is slow, and a broken CSV is
 * rejected anyway). Any error rejects the whole roster, so a half-imported roster can never
 * make someone unknown, or known, by accident.
 */
export async function importRoster(input: ImportRosterInput): Promise<ImportResult> {
  const decoded = decodeText(input.csv, input.csvName);
  if (!decoded.ok) {
    return { roster: null, report: { ...emptyImportReport(input.csvName), errors: [{ message: decoded.error.message }] }, toEnrol: { people: [], photos: 0 } };
  }

  const parsed = parseRoster(decoded.value.text, decoded.value.notUtf8, input.columns);
  const people = parsed.personRows.map(({ person }) => person);
  const assignment = assignPhotos(parsed.personRows, input.photos, parsed.photoColumn);
  const plan = planPhotos(parsed.personRows, assignment);
  const report: ImportReport = {
    ...emptyImportReport(input.csvName),
    encoding: decoded.value.encoding,
    delimiter: parsed.delimiter,
    rowsRead: parsed.rowsRead,
    pupils: people.filter((person) => person.role === 'pupil').length,
    staff: people.filter((person) => person.role === 'staff').length,
    errors: [...parsed.errors, ...assignment.errors].sort(byRow),
    warnings: parsed.warnings,
    photosWithoutRows: assignment.unclaimed,
    withoutPhotos: plan.withoutPhotos,
    photosNotUsed: plan.photosNotUsed,
    duplicates: parsed.duplicates,
    ignoredColumns: parsed.ignoredColumns,
  };
  const toEnrol = { people: plan.toEnrol.map(({ person }) => person.id), photos: plan.toEnrol.reduce((sum, { photos }) => sum + photos.length, 0) };
  if (report.errors.length > 0) return { report, roster: null, toEnrol };
  if (input.enrolment === undefined) {
    return { report: { ...report, imported: true, peopleImported: people.length }, roster: { people, templates: [], biometrics: null }, toEnrol };
  }

  const { enrolPhoto, modelId, onProgress, signal } = input.enrolment;
  const enrolment = await enrolPhotos(plan.toEnrol, input.photos.read, enrolPhoto, modelId, parsed.photoColumn, onProgress, signal);
  if (enrolment.cancelled) {
    return { report: { ...report, errors: [{ message: 'The import was cancelled before every reference photo was enrolled. Nothing was changed.' }] }, roster: null, toEnrol };
  }
  report.photosChecked = true;
  if (enrolment.errors.length > 0) return { report: { ...report, errors: enrolment.errors }, roster: null, toEnrol };

  return {
    report: { ...report, imported: true, peopleImported: people.length, templatesBuilt: enrolment.templates.length },
    roster: { people, templates: enrolment.templates, biometrics: input.enrolment.biometrics },
    toEnrol,
  };
}
