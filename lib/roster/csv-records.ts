import Papa from 'papaparse';
import type { CsvDelimiter, RosterIssue } from './types';

export interface CsvRecords {
  delimiter: CsvDelimiter;
  /** Every record, blank ones included, so records[i] is spreadsheet row i + 1. */
  records: string[][];
  /** Broken quoting, located by spreadsheet row. */
  issues: RosterIssue[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

export const isBlankRecord = (record: string[]): boolean => record.every((cell) => cell.trim() === '');

/**
 * Splits CSV text into records (quotes, doubled quotes, newlines inside quotes, CRLF).
 * The delimiter is the one that splits the header into the most known column names:
 * European Excel writes ';', some MIS exports use tabs, and a header is the one line
 * whose content is known in advance.
 */
export function readCsvRecords(text: string, countKnownHeaders: (cells: string[]) => number): CsvRecords {
  const delimiter = detectDelimiter(text, countKnownHeaders);
  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
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
  return { delimiter, records: parsed.data, issues };
}

function detectDelimiter(text: string, countKnownHeaders: (cells: string[]) => number): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; known: number; cells: number } = { delimiter: ',', known: -1, cells: 0 };
  for (const delimiter of DELIMITERS) {
    // A few records are enough to get past blank lines above the header.
    const header = Papa.parse<string[]>(text, { delimiter, preview: 5 }).data.find((record) => !isBlankRecord(record)) ?? [];
    const known = countKnownHeaders(header);
    if (known > best.known || (known === best.known && header.length > best.cells)) {
      best = { delimiter, known, cells: header.length };
    }
  }
  return best.delimiter;
}
