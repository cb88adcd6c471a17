import Papa from 'papaparse';
import { listRows } from './row-list';
import { quote } from './quote';
import type { CsvDelimiter, RosterIssue } from './types';

export interface CsvRecords {
  delimiter: CsvDelimiter;
  /** Every record, blank ones included, so records[i] is spreadsheet row i + 1. */
  records: string[][];
  /** Index in `records` of the header: the first record naming the most known columns. */
  headerIndex: number;
  /** Broken quoting, located by spreadsheet row. */
  issues: RosterIssue[];
  /** Lines skipped before the header (Excel's "sep=" line, a title), said so in the report. */
  notes: RosterIssue[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** How many records a title or notes above the header may take. */
const HEADER_SEARCH = 10;

export const isBlankRecord = (record: string[]): boolean => record.every((cell) => cell.trim() === '');

/** Excel's hint naming the delimiter, which Excel hides: the header is row 1 in the spreadsheet. */
const SEP_LINE = /^sep=([,;\t])[^\S\r\n]*(\r\n|\r|\n)/i;

/**
 * Splits CSV text into records (quotes, doubled quotes, newlines inside quotes). Line ends may be mixed
 * (LF rows added by hand to a CRLF export), so every CRLF or CR is read as LF first; inside a quoted value
 * that only changes a line break, which names collapse to a space anyway.
 * The delimiter is the one that splits the header into the most known column names: European Excel
 * writes ';', some MIS exports use tabs, and a header is the one line whose content is known in advance.
 */
export function readCsvRecords(text: string, countKnownHeaders: (cells: string[]) => number): CsvRecords {
  const notes: RosterIssue[] = [];
  const sep = SEP_LINE.exec(text);
  if (sep !== null) notes.push({ message: `The first line ${quote(sep[0].trim())} (a hint Excel adds) was skipped.` });
  const body = (sep === null ? text : text.slice(sep[0].length)).replace(/\r\n?/g, '\n');

  const guess = sep === null ? detectDelimiter(body, countKnownHeaders) : { delimiter: sep[1] as CsvDelimiter };
  const parsed = Papa.parse<string[]>(body, { delimiter: guess.delimiter, newline: '\n', header: false, skipEmptyLines: false });
  const issues = parsed.errors.flatMap((error): RosterIssue[] => {
    const row = (error.row ?? 0) + 1;
    if (error.code === 'MissingQuotes') {
      const message = 'A quoted value starting on this row has no closing quote ("), so the rest of the file cannot be read. Add the missing quote.';
      return [{ row, message }];
    }
    if (error.code === 'InvalidQuotes') {
      return [{ row, message: 'A quote (") is in the wrong place. Inside a quoted value, write a quote twice ("").' }];
    }
    return [{ row, message: `This row could not be read: ${error.message}.` }];
  });

  const records = parsed.data;
  const headerIndex = findHeader(records, countKnownHeaders);
  const skipped = records.slice(0, Math.max(0, headerIndex)).flatMap((record, index) => (isBlankRecord(record) ? [] : [index + 1]));
  if (skipped.length > 0) {
    const first = records[skipped[0]! - 1]?.find((cell) => cell.trim() !== '') ?? '';
    notes.push({
      message: `The header was found on row ${headerIndex + 1}; ${listRows(skipped)} above it (starting ${quote(first.trim())}) ${skipped.length === 1 ? 'was' : 'were'} skipped as a title.`,
    });
  }
  return { delimiter: guess.delimiter, records, headerIndex, issues, notes };
}

/**
 * The first of the opening records that names the most known columns, or the first non-blank one when none
 * names any (so a file with no header at all is reported as missing its columns); -1 when all are blank.
 */
function findHeader(records: string[][], countKnownHeaders: (cells: string[]) => number): number {
  let best = { index: records.findIndex((record) => !isBlankRecord(record)), known: 0 };
  records.slice(0, HEADER_SEARCH).forEach((record, index) => {
    const known = countKnownHeaders(record);
    if (known > best.known) best = { index, known };
  });
  return best.index;
}

function detectDelimiter(text: string, countKnownHeaders: (cells: string[]) => number): { delimiter: CsvDelimiter } {
  let best: { delimiter: CsvDelimiter; known: number; cells: number } = { delimiter: ',', known: -1, cells: 0 };
  for (const delimiter of DELIMITERS) {
    const opening = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: HEADER_SEARCH }).data;
    const header = opening[findHeader(opening, countKnownHeaders)] ?? [];
    const known = countKnownHeaders(header);
    if (known > best.known || (known === best.known && header.length > best.cells)) {
      best = { delimiter, known, cells: header.length };
    }
  }
  return best;
}
