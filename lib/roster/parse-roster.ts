import { countKnownHeaders, mapColumns, type ColumnChoice } from './columns';
import { isBlankRecord, readCsvRecords } from './csv-records';
import type { DecodedText } from './decode-text';
import { findDuplicates } from './duplicates';
import { readPersonRow, type ConsentField, type PersonRow } from './person-row';
import { findReplacedCharacters } from './replaced-characters';
import { listRows } from './row-list';
import type { CsvDelimiter, DuplicateGroup, RosterIssue } from './types';

export interface ParsedRoster {
  delimiter: CsvDelimiter;
  /** Non-blank data rows. */
  rowsRead: number;
  /** Rows that read as a valid person; with any errors the roster as a whole is still rejected. */
  personRows: PersonRow[];
  errors: RosterIssue[];
  warnings: RosterIssue[];
  duplicates: DuplicateGroup[];
  ignoredColumns: string[];
  /** The Photo File column's header as written, for locating photo problems. */
  photoColumn?: string;
}

/**
 * Reads a decoded roster CSV into people, collecting every problem rather than stopping at
 * the first, so staff can fix the spreadsheet in one pass. Blank rows are skipped but still
 * counted, so row numbers match the spreadsheet. `notUtf8` comes from decodeText, to name stray bytes; `choice`, the
 * columns the ORM lead matched by hand.
 */
export function parseRoster(text: string, notUtf8?: DecodedText['notUtf8'], choice: ColumnChoice = {}): ParsedRoster {
  const { delimiter, records, headerIndex, issues, notes } = readCsvRecords(text, (headers) => countKnownHeaders(headers, choice));
  const header = records[headerIndex];
  const parsed: ParsedRoster = {
    delimiter,
    rowsRead: 0,
    personRows: [],
    errors: [...issues, ...findReplacedCharacters(records, header, notUtf8)],
    warnings: notes,
    duplicates: [],
    ignoredColumns: [],
  };

  if (header === undefined) {
    parsed.errors.push({ message: 'The file has no rows. Export the roster from your MIS again.' });
    return parsed;
  }
  const mapped = mapColumns(header, choice);
  if (!mapped.ok) {
    parsed.errors.push(mapped.error);
    return parsed;
  }
  const columns = mapped.value;
  parsed.ignoredColumns = columns.ignored;
  parsed.photoColumn = columns.header.photoFile;

  const blankRows = new Map<ConsentField, number[]>();
  records.forEach((record, index) => {
    if (index <= headerIndex || isBlankRecord(record)) return;
    parsed.rowsRead++;
    const outcome = readPersonRow(record, index + 1, columns, header.length);
    parsed.errors.push(...outcome.errors);
    if (outcome.personRow !== null) parsed.personRows.push(outcome.personRow);
    for (const field of outcome.blankConsents) {
      const rows = blankRows.get(field);
      if (rows === undefined) blankRows.set(field, [index + 1]);
      else rows.push(index + 1);
    }
  });

  if (parsed.rowsRead === 0) {
    parsed.errors.push({ message: 'The roster has a header row but no people. Export it from your MIS again.' });
  }
  for (const [field, rows] of blankRows) {
    // No `column`: the message names it, and reads whole wherever it is shown.
    parsed.warnings.push({
      message: `${columns.header[field]} is blank on ${listRows(rows)}: read as No, because consent must be given positively.`,
    });
  }

  const duplicates = findDuplicates(parsed.personRows, columns);
  parsed.errors.push(...duplicates.errors);
  parsed.warnings.push(...duplicates.warnings);
  parsed.duplicates = duplicates.groups;
  parsed.errors.sort(byRow);
  return parsed;
}

/** File-wide problems first, then in spreadsheet order. */
export const byRow = (a: RosterIssue, b: RosterIssue): number => (a.row ?? 0) - (b.row ?? 0);
