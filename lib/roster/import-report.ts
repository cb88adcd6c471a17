import { listSome } from './quote';
import type { CsvDelimiter, ImportReport, PersonRef, RosterIssue, TextEncodingName } from './types';

const ENCODING_NAMES: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** How many people a list names before it counts the rest. */
const NAMES_LISTED = 10;

/** A report of an import that read nothing yet: every count zero, every list empty. */
export function emptyImportReport(csvName: string): ImportReport {
  return {
    csvName,
    imported: false,
    rowsRead: 0,
    pupils: 0,
    staff: 0,
    peopleImported: 0,
    templatesBuilt: 0,
    errors: [],
    warnings: [],
    withoutPhotos: [],
    photosNotUsed: [],
    photosWithoutRows: [],
    duplicates: [],
    ignoredColumns: [],
    photosChecked: false,
  };
}

/** "1 face template", "3 face templates". */
const count = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;

/** `Row 5, column "Photo File": message`, or as much of the location as is known. */
export function formatIssue(issue: RosterIssue): string {
  const column = issue.column === undefined ? undefined : `column "${issue.column}"`;
  const where = [issue.row === undefined ? undefined : `Row ${issue.row}`, column].filter((part) => part !== undefined);
  if (where.length === 0) return issue.message;
  const location = where.join(', ');
  return `${location.charAt(0).toUpperCase()}${location.slice(1)}: ${issue.message}`;
}

const names = (people: PersonRef[]): string => {
  const shown = people.slice(0, NAMES_LISTED).map((person) => `${person.name} (row ${person.row})`);
  const more = people.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
};

/**
 * The import report as plain text: outcome first, then what to fix, then what to know. `preview`: the roster was checked
 * without enrolling its photos, and is not saved yet.
 */
export function formatImportReport(report: ImportReport, preview = false): string {
  const lines: string[] = [];
  const { errors } = report;
  if (report.imported && preview) {
    lines.push(`Roster ${report.csvName} checked: ${count(report.pupils, 'pupil')} and ${report.staff} staff from ${count(report.rowsRead, 'row')}.`);
  } else if (report.imported) {
    lines.push(
      `Roster ${report.csvName} imported: ${count(report.peopleImported, 'person', 'people')} ` +
        `(${count(report.pupils, 'pupil')}, ${report.staff} staff) from ${count(report.rowsRead, 'row')}; ` +
        `${count(report.templatesBuilt, 'face template')} built.`,
    );
  } else {
    lines.push(
      `Roster ${report.csvName} NOT imported: nothing was changed. ` + `Fix the ${errors.length === 1 ? 'problem' : count(errors.length, 'problem')} below and import it again.`,
    );
  }
  if (report.encoding !== undefined && report.delimiter !== undefined) {
    lines.push(`Read as ${ENCODING_NAMES[report.encoding]} text, ${DELIMITER_NAMES[report.delimiter]}-separated.`);
  }

  if (errors.length > 0) {
    lines.push('', `Problems (${errors.length}):`, ...errors.map((issue) => `  - ${formatIssue(issue)}`));
    if (!report.photosChecked) {
      lines.push('Reference photos were not checked yet: they are checked once the spreadsheet has no problems.');
    }
  }
  if (report.warnings.length > 0) {
    lines.push('', `Warnings (${report.warnings.length}):`, ...report.warnings.map((issue) => `  - ${formatIssue(issue)}`));
  }
  if (report.photosNotUsed.length > 0) {
    lines.push(
      '',
      `Photos on file not used, no biometric consent (${report.photosNotUsed.length}):`,
      ...report.photosNotUsed.map((person) => `  - Row ${person.row}, ${person.name} (${person.photoFile}): photo on file not used: no biometric consent.`),
    );
  }
  if (report.photosWithoutRows.length > 0) {
    lines.push(
      '',
      `Photos that belong to no one on the roster, not used (${report.photosWithoutRows.length}): ${listSome(report.photosWithoutRows)}.`,
      'Name each photo after its UPN (or staff code), or list it in the Photo File column.',
    );
  }
  if (report.withoutPhotos.length > 0) {
    lines.push('', `No reference photo (${report.withoutPhotos.length}): ${names(report.withoutPhotos)}.`);
  }
  if (report.ignoredColumns.length > 0) {
    lines.push('', `Columns not used (their values are not stored): ${listSome(report.ignoredColumns)}.`);
  }
  if (report.photosNotUsed.length > 0 || report.withoutPhotos.length > 0) {
    lines.push('', 'People without a face template are never recognised: a photo showing them is held as an unknown face.');
  }
  return lines.join('\n');
}
