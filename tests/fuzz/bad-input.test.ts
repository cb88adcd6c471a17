import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { sniffImageFormat } from '../../lib/engines/image/sniff-format';
import { checkImageStructure } from '../../lib/engines/image/structure';
import { checkError, err } from '../../lib/errors';
import { NO_PHOTOS } from '../../lib/roster/photo-files';
import { importRoster, type ImportResult } from '../../lib/roster/import-roster';
import { badInputAvailable, badInputDir, badInputNote, badInputPath } from '../support/bad-input';
import { SCHOOL_BIOMETRICS } from '../support/builders';

const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(badInputPath(file)));

/** These rosters list no photos; a photo asked for anyway would fail the import, as a missing one does. */
const importFile = (file: string): Promise<ImportResult> =>
  importRoster({
    csv: bytesOf(file),
    csvName: file,
    photos: NO_PHOTOS,
    enrolment: { enrolPhoto: async (_, name) => err(checkError('enrol_no_face', `No face found in ${name}.`, name)), modelId: 'test-model', biometrics: SCHOOL_BIOMETRICS },
  });

async function expectDamagedPhoto(file: string): Promise<void> {
  const bytes = bytesOf(file);
  const decoded = await decodeImageNode(bytes, file);
  expect(decoded.ok).toBe(false);
  if (decoded.ok) return;
  expect(decoded.error).toMatchObject({ code: 'image_corrupt', file });
  expect(decoded.error.message).toMatch(new RegExp(`"${file.replace(/\./g, '\\.')}" is damaged or incomplete.*save or export it again`));
  // The browser decoder refuses a file on this same check before createImageBitmap sees it.
  expect(checkImageStructure(bytes, await sniffImageFormat(bytes)).ok).toBe(false);
}

/** What each reproducer's README row says should happen. */
const EXPECTED: Record<string, () => Promise<void>> = {
  'roster-shift-extra-empty-cell.csv': async () => {
    const { report, roster } = await importFile('roster-shift-extra-empty-cell.csv');
    expect(roster).toBeNull();
    expect(report.imported).toBe(false);
    expect(report.errors).toEqual([{ row: 2, message: expect.stringMatching(/^This row has 14 cells but the header has 13 columns/) }]);
  },
  'roster-shift-missing-cell.csv': async () => {
    const { report, roster } = await importFile('roster-shift-missing-cell.csv');
    expect(roster).toBeNull();
    expect(report.errors).toEqual([{ row: 2, message: expect.stringMatching(/^This row has 12 cells but the header has 13 columns/) }]);
  },
  'roster-one-1252-byte-mojibake.csv': async () => {
    const { report, roster } = await importFile('roster-one-1252-byte-mojibake.csv');
    expect(roster).toBeNull();
    expect(report.encoding).toBe('utf-8');
    expect(report.errors).toEqual([{ row: 3, column: 'Preferred Forename', message: expect.stringMatching(/not UTF-8 \(0xE9, which in Windows-1252 would be "é"\)/) }]);
    // Every other name is read as written: no "ZoÃ«" anywhere in the report.
    expect(JSON.stringify(report)).not.toMatch(/Ã/);
    expect(report.withoutPhotos.map((person) => person.name)).toContain('Zoë Lee');
  },
  'roster-mixed-lf-crlf.csv': async () => {
    const { report, roster } = await importFile('roster-mixed-lf-crlf.csv');
    expect(report.errors).toEqual([]);
    expect(roster?.people.map((person) => [person.preferredForename, person.surname, person.consents.socialMedia])).toEqual([
      ['Zoë', 'Lee', false],
      ['Chloe', 'Baker', true],
    ]);
  },
  'image-jpeg-zeroed-tail-30pct.jpg': () => expectDamagedPhoto('image-jpeg-zeroed-tail-30pct.jpg'),
  'image-jpeg-sof-height-halved.jpg': () => expectDamagedPhoto('image-jpeg-sof-height-halved.jpg'),
  'image-png-ihdr-height-halved.png': () => expectDamagedPhoto('image-png-ihdr-height-halved.png'),
};

describe.skipIf(!badInputAvailable)(`each reproducer behaves as its README says ${badInputNote}`, () => {
  it('every reproducer in the folder has its test here', () => {
    expect(
      readdirSync(badInputDir)
        .filter((file) => file !== 'README.md')
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (file) => {
    await EXPECTED[file]!();
  });
});
