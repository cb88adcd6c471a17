import { decodeText } from './decode-text';
import { emptyImportReport } from './import-report';
import { enrolPhotos, planPhotos } from './enrol-people';
import { parseRoster } from './parse-roster';
import type { BiometricRecord } from './biometrics';
import type { EnrolPhoto, ImportReport, PhotoReader, Roster } from './types';

export interface ImportRosterInput {
  /** The CSV file exactly as exported. */
  csv: Uint8Array;
  /** File name shown to staff. */
  csvName: string;
  /** Reads a `Photo File` path, relative to the CSV. */
  readPhoto: PhotoReader;
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
  };
}

export interface ImportResult {
  report: ImportReport;
  /** Null unless every row and every consented photo was fine: an import is all or nothing. */
  roster: Roster | null;
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
    return { roster: null, report: { ...emptyImportReport(input.csvName), errors: [{ message: decoded.error.message }] } };
  }

  const parsed = parseRoster(decoded.value.text, decoded.value.notUtf8);
  const people = parsed.personRows.map(({ person }) => person);
  const plan = planPhotos(parsed.personRows);
  const report: ImportReport = {
    ...emptyImportReport(input.csvName),
    encoding: decoded.value.encoding,
    delimiter: parsed.delimiter,
    rowsRead: parsed.rowsRead,
    pupils: people.filter((person) => person.role === 'pupil').length,
    staff: people.filter((person) => person.role === 'staff').length,
    errors: parsed.errors,
    warnings: parsed.warnings,
    withoutPhotos: plan.withoutPhotos,
    photosNotUsed: plan.photosNotUsed,
    duplicates: parsed.duplicates,
    ignoredColumns: parsed.ignoredColumns,
  };
  if (report.errors.length > 0) return { report, roster: null };
  if (input.enrolment === undefined) return { report: { ...report, imported: true, peopleImported: people.length }, roster: { people, templates: [], biometrics: null } };

  const { enrolPhoto, modelId, onProgress } = input.enrolment;
  const enrolment = await enrolPhotos(plan.toEnrol, input.readPhoto, enrolPhoto, modelId, parsed.photoColumn, onProgress);
  report.photosChecked = true;
  if (enrolment.errors.length > 0) return { report: { ...report, errors: enrolment.errors }, roster: null };

  return {
    report: { ...report, imported: true, peopleImported: people.length, templatesBuilt: enrolment.templates.length },
    roster: { people, templates: enrolment.templates, biometrics: input.enrolment.biometrics },
  };
}
