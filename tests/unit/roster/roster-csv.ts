import { upnCheckLetter } from '../../../lib/roster/upn';

/** The corpus export's header, in its order. */
export const HEADER = [
  'UPN',
  'Legal Forename',
  'Legal Surname',
  'Preferred Forename',
  'Year',
  'Reg Group',
  'Role',
  'Photo Consent Social Media',
  'Photo Consent Website',
  'Photo Consent Print',
  'Name Consent',
  'Biometric Consent',
  'Photo File',
];

/** A valid UPN for a serial number (LA 999 does not exist, so it is never a real pupil's). */
export function aUpn(serial: number): string {
  const body = `999${String(serial).padStart(9, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
}

/** A pupil row in HEADER order, valid unless overridden. */
export function aRow(serial: number, overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const values: Record<string, string> = {
    UPN: aUpn(serial),
    'Legal Forename': `Pupil${serial}`,
    'Legal Surname': 'Example',
    'Preferred Forename': '',
    Year: 'Year 6',
    'Reg Group': '6B',
    Role: 'Pupil',
    'Photo Consent Social Media': 'Y',
    'Photo Consent Website': 'Y',
    'Photo Consent Print': 'Y',
    'Name Consent': 'N',
    'Biometric Consent': 'Y',
    'Photo File': '',
    ...overrides,
  };
  return HEADER.map((column) => values[column] ?? '');
}

/** CSV text with quotes only where needed, as Excel writes it. */
export function toCsv(rows: string[][], { delimiter = ',', newline = '\r\n' } = {}): string {
  const quote = (cell: string): string => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
