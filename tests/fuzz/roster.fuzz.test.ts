import fc from 'fast-check';
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkError, err } from '../../lib/errors';
import { readConsent } from '../../lib/roster/consent-value';
import { NO_PHOTOS } from '../../lib/roster/photo-files';
import { importRoster } from '../../lib/roster/import-roster';
import type { Consents } from '../../lib/roster/types';
import { corpusNote, corpusPath } from '../support/corpus';
import { aRow, HEADER, toCsv } from '../unit/roster/roster-csv';
import { SCHOOL_BIOMETRICS } from '../support/builders';

/**
 * Roster files built from the corpus roster (when present) and synthetic rows, then damaged the ways real exports
 * are: a cell added or lost, another encoding, mixed line ends, stray non-ASCII bytes, byte order marks, quotes.
 * Whatever the file, the import must return (never throw or hang), be all or nothing, and never read a consent as
 * Y that the file did not give as Y for that person.
 */

const corpusRoster = corpusPath('roster', 'roster.csv');
const corpusRows: string[][] = existsSync(corpusRoster)
  ? Papa.parse<string[]>(readFileSync(corpusRoster, 'utf8'), { skipEmptyLines: true })
      .data.slice(1)
      // Photos are not what this suite checks; a listed photo would need the face model.
      .map((row) => row.map((cell, column) => (HEADER[column] === 'Photo File' ? '' : cell)))
  : [];

/** Names Windows-1252 can write, so every encoding below can carry the same file. */
const NAMES = ['Zoë', 'Renée', 'José', 'Siobhán', 'O’Connor', 'Søren', 'Chloe', 'Amelia Rose', 'Al-Farsi'];
const CONSENT_CELLS = ['Y', 'N', '', 'yes', 'No', '1', '0', 'TRUE', 'n'];
const CONSENT_COLUMNS: [string, keyof Consents][] = [
  ['Photo Consent Social Media', 'socialMedia'],
  ['Photo Consent Website', 'website'],
  ['Photo Consent Print', 'print'],
  ['Name Consent', 'name'],
  ['Biometric Consent', 'biometric'],
];

const syntheticRow = fc
  .record({
    forename: fc.constantFrom(...NAMES),
    surname: fc.constantFrom(...NAMES),
    consents: fc.array(fc.constantFrom(...CONSENT_CELLS), { minLength: 5, maxLength: 5 }),
  })
  .map(
    ({ forename, surname, consents }) =>
      (serial: number) =>
        aRow(serial, { 'Legal Forename': forename, 'Legal Surname': surname, ...Object.fromEntries(CONSENT_COLUMNS.map(([column], i) => [column, consents[i] ?? ''])) }),
  );

/** Rows with distinct UPNs: synthetic ones numbered apart from the corpus's (LA 999, serials from 500). */
const rows = fc
  .tuple(fc.array(syntheticRow, { minLength: 1, maxLength: 6 }), corpusRows.length > 0 ? fc.subarray(corpusRows, { maxLength: 8 }) : fc.constant([]))
  .map(([makers, fromCorpus]) => [...fromCorpus, ...makers.map((make, i) => make(500 + i))]);

type Encoding = 'utf-8' | 'utf-8 bom' | 'utf-16le bom' | 'utf-16be bom' | 'windows-1252';

const WINDOWS_1252_HIGH: Record<string, number> = { '’': 0x92, '‘': 0x91, '€': 0x80 };

function encode(text: string, encoding: Encoding): Uint8Array {
  const utf16le = (): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8 bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le bom':
      return new Uint8Array([0xff, 0xfe, ...utf16le()]);
    case 'utf-16be bom':
      return new Uint8Array([0xfe, 0xff, ...utf16le().map((_, i, bytes) => bytes[i ^ 1] ?? 0)]);
    case 'windows-1252': {
      const codes = Array.from(text, (char) => WINDOWS_1252_HIGH[char] ?? char.charCodeAt(0));
      // The corpus has names 1252 cannot write (Wiśniewski): an MIS would export those files as UTF-8.
      return codes.every((code) => code < 0x100) ? Uint8Array.from(codes) : encode(text, 'utf-8');
    }
  }
}

const damage = fc.record({
  /** A row (index into the data rows) with a cell added (empty or not) or removed. */
  shift: fc.option(fc.record({ row: fc.nat(), at: fc.nat(13), kind: fc.constantFrom('add empty', 'add value', 'remove') }), { freq: 1 }),
  encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8 bom', 'utf-16le bom', 'utf-16be bom', 'windows-1252'),
  /** One line ending per line. */
  newlines: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 20 }),
  /** Cells put in quotes, as Excel does when it must (by index into all cells). */
  quoted: fc.array(fc.nat(), { maxLength: 5 }),
  /** One stray quote somewhere in the text. */
  strayQuote: fc.option(fc.nat(), { freq: 1 }),
  /** Non-ASCII bytes inserted into the encoded file (8-bit encodings only). */
  strayBytes: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0x80, max: 0xff }) }), { maxLength: 2 }),
});

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function buildFile(data: string[][], d: Damage): { bytes: Uint8Array; shifted: boolean } {
  const table = [HEADER, ...data].map((row) => [...row]);
  let shifted = false;
  if (d.shift !== null) {
    const row = table[1 + (d.shift.row % data.length)]!;
    if (d.shift.kind === 'remove') row.splice(d.shift.at % row.length, 1);
    else row.splice(d.shift.at, 0, d.shift.kind === 'add empty' ? '' : 'Y');
    shifted = true;
  }
  const cells = table.flat().length;
  const quotedCells = new Set(d.quoted.map((index) => index % cells));
  let index = 0;
  const lines = table.map((row) => row.map((cell) => (quotedCells.has(index++) ? `"${cell.replace(/"/g, '""')}"` : toCsv([[cell]]).trimEnd())).join(','));
  let text = lines.map((line, i) => line + (d.newlines[i % d.newlines.length] ?? '\n')).join('');
  if (d.strayQuote !== null) {
    const at = d.strayQuote % text.length;
    text = `${text.slice(0, at)}"${text.slice(at)}`;
  }
  let bytes = encode(text, d.encoding);
  if (d.encoding === 'utf-8' || d.encoding === 'utf-8 bom' || d.encoding === 'windows-1252') {
    for (const { at, byte } of d.strayBytes) {
      const where = at % bytes.length;
      bytes = new Uint8Array([...bytes.subarray(0, where), byte, ...bytes.subarray(where)]);
    }
  }
  return { bytes, shifted };
}

const isYes = (cell: string | undefined): boolean => readConsent(cell ?? '') === 'yes';

/** These rows list no photos; a photo asked for anyway fails the import, as a missing one does. */
const importBytes = (csv: Uint8Array) =>
  importRoster({
    csv,
    csvName: 'roster.csv',
    photos: NO_PHOTOS,
    enrolment: { enrolPhoto: async (_, name) => err(checkError('enrol_no_face', `No face found in ${name}.`, name)), modelId: 'fuzz', biometrics: SCHOOL_BIOMETRICS },
  });

describe(`roster import fuzz ${corpusNote}`, () => {
  it('never throws or hangs, is all or nothing, and reads Y only where the file says Y', async () => {
    await fc.assert(
      fc.asyncProperty(rows, damage, async (data, d) => {
        const { bytes, shifted } = buildFile(data, d);
        const started = performance.now();
        const { report, roster } = await importBytes(bytes);
        expect(performance.now() - started).toBeLessThan(2000);
        for (const issue of [...report.errors, ...report.warnings]) expect(issue.message.length).toBeLessThan(600);

        // All or nothing.
        expect(report.imported).toBe(roster !== null);
        if (roster === null) {
          expect(report.peopleImported).toBe(0);
          expect(report.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(report.errors).toEqual([]);
        expect(roster.people).toHaveLength(data.length);
        // A shifted row is always refused, whatever it holds.
        expect(shifted).toBe(false);

        const byUpn = new Map(data.map((row) => [row[0], row]));
        for (const person of roster.people) {
          const row = byUpn.get(person.id);
          expect(row, `${person.id} is not a row of the file`).toBeDefined();
          for (const [column, key] of CONSENT_COLUMNS) {
            if (person.consents[key]) expect(isYes(row?.[HEADER.indexOf(column)]), `${person.id} ${column}`).toBe(true);
          }
          // Names are read as written unless a stray byte or quote landed in them.
          if (d.strayBytes.length === 0 && d.strayQuote === null) expect(person.surname).toBe(row?.[HEADER.indexOf('Legal Surname')]?.normalize('NFC'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('imports every clean file whatever its encoding, line endings and quoting', async () => {
    const clean = damage.map((d) => ({ ...d, shift: null, strayQuote: null, strayBytes: [] }));
    await fc.assert(
      fc.asyncProperty(rows, clean, async (data, d) => {
        const { report, roster } = await importBytes(buildFile(data, d).bytes);
        expect(report.errors).toEqual([]);
        expect(roster?.people.map((person) => person.legalForename)).toEqual(data.map((row) => row[1]?.normalize('NFC').replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 150 },
    );
  });
});
