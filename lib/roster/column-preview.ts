import { err, ok, type Result } from '../errors';
import { COLUMNS, countKnownHeaders, detectColumns, headerKey, mapColumns, type ColumnChoice } from './columns';
import { isBlankRecord, readCsvRecords } from './csv-records';
import { decodeText } from './decode-text';

/** Rows shown under the headers: enough to tell a forename column from a surname one. */
const SAMPLE_ROWS = 3;

/** A roster's columns as the options page shows them for matching by hand. */
export interface ColumnPreview {
  /** The header row's cells, as written. */
  headers: string[];
  /** The first data rows, for the ORM lead to see what each column holds: shown, never stored. */
  sample: string[][];
  /** Each field's header as mapped now, by alias or by hand. */
  mapped: ColumnChoice;
  /** Why the columns cannot be read as they are (a required one missing, two alike), or null. */
  problem: string | null;
}

/** The same headers in the same order: the key a choice is remembered by for the next export. */
export const headerSignature = (headers: string[]): string => headers.map(headerKey).join('|');

/** Reads only a roster's header and first rows; fails only when the file cannot be decoded or has no rows. */
export function previewColumns(csv: Uint8Array, csvName: string, choice: ColumnChoice = {}): Result<ColumnPreview, string> {
  const decoded = decodeText(csv, csvName);
  if (!decoded.ok) return err(decoded.error.message);
  const { records, headerIndex } = readCsvRecords(decoded.value.text, (headers) => countKnownHeaders(headers, choice));
  const header = records[headerIndex];
  if (header === undefined) return err(`${csvName} has no rows. Export the roster from your MIS again.`);
  const headers = header.map((cell) => cell.trim());
  const sample = records
    .slice(headerIndex + 1)
    .filter((record) => !isBlankRecord(record))
    .slice(0, SAMPLE_ROWS);
  const { columns } = detectColumns(headers, choice);
  const mapped: ColumnChoice = {};
  for (const { field } of COLUMNS) {
    const index = columns.index[field];
    if (index !== undefined) mapped[field] = headers[index];
  }
  const checked = mapColumns(headers, choice);
  return ok({ headers, sample, mapped, problem: checked.ok ? null : checked.error.message });
}
