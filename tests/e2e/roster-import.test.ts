import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { buildExtension } from './support/extension-build';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { checkExportThroughOptions, openOptions } from './support/options-page';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'e2e');

/** The corpus roster as another MIS might export it: its own words for three required columns, and no Photo File column. */
const OWN_WORDS: Record<string, string> = { 'Legal Forename': 'Child first name', 'Photo Consent Social Media': 'Socials OK', 'Biometric Consent': 'Face recognition OK' };

/** The JPEG with a comment segment after its start marker: the same picture, other bytes. */
const withComment = (jpeg: Buffer, note: string): Buffer => {
  const text = Buffer.from(note);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]), text, jpeg.subarray(2)]);
};

/**
 * `copies`: each person's photo that many times (`<UPN>_2.jpg`…), as several reference photos per person; with
 * `distinct`, each copy is its own file (a comment naming it), as photos taken on different days would be.
 */
function otherExport(folder: string, copies = 1, distinct?: string): { csv: string; zip: string } {
  const rows = readFileSync(corpusPath('roster', 'roster.csv'), 'utf8').trimEnd().split('\n');
  const [header, ...people] = rows.map((row) => row.slice(0, row.lastIndexOf(',')).split(','));
  const csv = join(folder, 'export.csv');
  writeFileSync(csv, `${[header!.map((cell) => OWN_WORDS[cell] ?? cell), ...people].map((cells) => cells.join(',')).join('\n')}\n`);
  // Photos named by UPN, in a zip, as a photo system exports them.
  const zip = join(folder, 'photos.zip');
  const photos = readdirSync(corpusPath('roster', 'photos')).flatMap((name) =>
    Array.from({ length: copies }, (_, copy) => {
      const jpeg = readFileSync(corpusPath('roster', 'photos', name));
      return [copy === 0 ? name : name.replace('.jpg', `_${copy + 1}.jpg`), distinct === undefined ? jpeg : withComment(jpeg, `${distinct} ${name} ${copy}`)] as const;
    }),
  );
  writeFileSync(zip, zipSync(Object.fromEntries(photos), { level: 0 }));
  return { csv, zip };
}

describe.skipIf(!corpusAvailable)(`The ORM lead's import wizard, in Chromium with the built extension ${corpusNote}`, () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  const folder = mkdtempSync(join(tmpdir(), 'checkpost-wizard-'));

  beforeAll(async () => {
    server = await startFixtureServer(mkdtempSync(join(tmpdir(), 'checkpost-wizard-site-')));
    browser = await launchWithExtension(buildExtension(), server.port);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('matches unknown columns by hand, finds zipped photos by UPN, previews, enrols with a progress bar, and remembers the columns', async () => {
    const files = otherExport(folder);
    const options = await openOptions(browser);
    await checkExportThroughOptions(options, files, true);

    const mapping = options.getByRole('region', { name: 'Match the columns of export.csv' });
    await mapping.waitFor({ timeout: 30_000 });
    await expect(mapping.getByText(/missing required columns: Legal Forename, Photo Consent Social Media, Biometric Consent/).count()).resolves.toBe(1);
    await mapping.getByLabel('Legal Forename').selectOption('Child first name');
    await mapping.getByLabel('Photo Consent Social Media').selectOption('Socials OK');
    await mapping.getByLabel('Biometric Consent').selectOption('Face recognition OK');
    await options.screenshot({ path: join(ARTIFACTS, 'options-column-mapping.png'), fullPage: true });
    await mapping.getByRole('button', { name: 'Check again with these columns' }).click();

    const preview = options.getByRole('region', { name: 'Ready to import' });
    await preview.waitFor({ timeout: 30_000 });
    // Every photo in the zip is named by a UPN on the roster; Harry Bennett's is not used (no biometric consent).
    await expect(preview.getByText(/Importing enrols 11 reference photos/).count()).resolves.toBe(1);
    await expect(preview.getByText(/Harry Bennett \(photos\.zip\/U999240119150\.jpg\): photo on file not used: no biometric consent/).count()).resolves.toBe(1);
    await options.screenshot({ path: join(ARTIFACTS, 'options-import-preview.png'), fullPage: true });

    await preview.getByRole('button', { name: 'Import roster', exact: true }).click();
    await options.getByRole('progressbar', { name: 'Enrolling reference photos' }).waitFor({ timeout: 60_000 });
    await options.screenshot({ path: join(ARTIFACTS, 'options-enrolling.png'), fullPage: true });
    await options.getByRole('heading', { name: 'Roster imported' }).waitFor({ timeout: 120_000 });
    await expect(options.getByText(/45 people \(45 pupils, 0 staff\) from 45 rows; 11 face templates built/).count()).resolves.toBe(1);

    // The next export with the same headers goes straight to the preview.
    await options.reload();
    await checkExportThroughOptions(options, files, false);
    await options.getByRole('region', { name: 'Ready to import' }).waitFor({ timeout: 30_000 });
    await expect(options.getByText('No one joins or leaves, and no consent changes.').count()).resolves.toBe(1);
    await options.getByRole('button', { name: 'Not now' }).click();
    await expect(options.getByRole('region', { name: 'Ready to import' }).count()).resolves.toBe(0);
    await options.close();
  });

  it('cancels an enrolment under way, keeping the roster in use', async () => {
    const options = await openOptions(browser);
    // Five photos each: enrolment lasts long enough to be cancelled part-way on any machine.
    await checkExportThroughOptions(options, otherExport(folder, 5), false);
    await options.getByText(/Importing enrols 55 reference photos/).waitFor({ timeout: 30_000 });
    await options.getByRole('region', { name: 'Ready to import' }).getByRole('button', { name: 'Import roster', exact: true }).click({ timeout: 30_000 });
    await options.getByText(/Enrolling reference photos: [1-9]\d* of 55/).waitFor({ timeout: 60_000 });
    await options.getByRole('button', { name: 'Cancel import' }).click();
    await options.getByRole('heading', { name: 'Roster not imported' }).waitFor({ timeout: 60_000 });
    await expect(options.getByText(/The import was cancelled before every reference photo was enrolled\. Nothing was changed\./).count()).resolves.toBe(1);
    await expect(options.getByText(/In use: export\.csv, .*45 pupils, 11 people with a face template/).count()).resolves.toBe(1);
    await options.close();
  });

  it('resumes an enrolment stopped by closing the page, without enrolling again the photos done before', async () => {
    const files = otherExport(folder, 5, 'resumed');
    const first = await openOptions(browser);
    await checkExportThroughOptions(first, files, false);
    await first.getByRole('region', { name: 'Ready to import' }).getByRole('button', { name: 'Import roster', exact: true }).click({ timeout: 30_000 });
    // Past the first group of 20 staged templates, then the page is closed mid-enrolment.
    await first.getByText(/Enrolling reference photos: (2[2-9]|[3-4]\d) of 55/).waitFor({ timeout: 60_000 });
    await first.close();

    const again = await openOptions(browser);
    await checkExportThroughOptions(again, files, false);
    await again.getByRole('region', { name: 'Ready to import' }).getByRole('button', { name: 'Import roster', exact: true }).click({ timeout: 30_000 });
    const resumed = again.getByText(/Enrolling reference photos: \d+ of 55 \((20|40) enrolled before the last import stopped\)/);
    await resumed.waitFor({ timeout: 60_000 });
    await again.screenshot({ path: join(ARTIFACTS, 'options-enrolment-resumed.png'), fullPage: true });
    await again.getByRole('heading', { name: 'Roster imported' }).waitFor({ timeout: 120_000 });
    await expect(again.getByText(/45 people \(45 pupils, 0 staff\) from 45 rows; 55 face templates built/).count()).resolves.toBe(1);
    await again.close();
  });
});
