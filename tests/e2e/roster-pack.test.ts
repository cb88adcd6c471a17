import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';
import { corpusCase } from './support/corpus-posts';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { buildExtension } from './support/extension-build';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { importRosterThroughOptions, openOptions } from './support/options-page';
import { panel, sentPosts, writePost } from './support/x-page';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'e2e');
/** The first verdict in a fresh profile also waits for the offscreen engine's cold start. */
const VERDICT_TIMEOUT_MS = 45_000;
const PACK_PASSPHRASE = 'staff pack for the autumn term';

/** The ORM lead exports the roster in use as a pack, from the options page; returns the downloaded file. */
async function exportPack(options: Page, folder: string, name: string): Promise<string> {
  await options.getByLabel('New pack passphrase', { exact: true }).fill(PACK_PASSPHRASE);
  await options.getByLabel('Repeat the new pack passphrase', { exact: true }).fill(PACK_PASSPHRASE);
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export roster pack' }).click();
  const file = join(folder, name);
  await (await download).saveAs(file);
  await options.getByText(/^Exported checkpost-roster-.*\.pack, signed by this school's key/).waitFor();
  return file;
}

/** A member of staff imports a pack on their own browser's options page; resolves once the page says how it went. */
async function importPack(options: Page, file: string, passphrase = PACK_PASSPHRASE): Promise<void> {
  await options.getByLabel('Roster pack file').setInputFiles(file);
  await options.getByLabel('Pack passphrase', { exact: true }).fill(passphrase);
  await options.getByRole('button', { name: 'Import roster pack' }).click();
  await options.locator('.cp-error, p[role="status"]:has-text("Roster pack imported")').first().waitFor({ timeout: VERDICT_TIMEOUT_MS });
}

/** The options page refused the last pack with this message (and said nothing else went wrong). */
const refusedWith = (options: Page, message: RegExp): Promise<void> => expect(options.locator('.cp-error').getByText(message).count()).resolves.toBe(1);

describe.skipIf(!corpusAvailable)(`A roster pack from the ORM lead's browser to a member of staff's, in Chromium with the built extension ${corpusNote}`, () => {
  let server: FixtureServer;
  let staff: ExtensionBrowser;
  const folder = mkdtempSync(join(tmpdir(), 'checkpost-packs-'));
  const pupil = corpusCase(
    'a post on X with one photo of a consented pupil that passes',
    (post) => post.platform === 'x' && post.expected === 'pass' && post.images.length === 1 && post.images[0]!.startsWith('faces/identities/'),
  );
  let first = '';
  let second = '';

  beforeAll(async () => {
    const extensionDir = buildExtension();
    server = await startFixtureServer(mkdtempSync(join(tmpdir(), 'checkpost-pack-site-')));
    const orm = await launchWithExtension(extensionDir, server.port);
    const options = await importRosterThroughOptions(orm, corpusPath('roster', 'roster.csv'), corpusPath('roster', 'photos'));
    first = await exportPack(options, folder, 'first.pack');
    // A later export of the same roster: the newer pack.
    second = await exportPack(options, folder, 'second.pack');
    await options.screenshot({ path: join(ARTIFACTS, 'options-pack-exported.png'), fullPage: true });
    // The packs are on disk: the ORM lead's browser is done, and fewer Chromiums at once keep the machine responsive.
    await orm.close();
    staff = await launchWithExtension(extensionDir, server.port);
  });

  afterAll(async () => {
    await staff?.close();
    await server?.close();
  });

  it('keeps the roster out of the pack file in the clear', () => {
    const text = readFileSync(first, 'utf8');
    expect(text).not.toMatch(/Hughes|Nowak|T999240119101|descriptor|socialMedia/);
    expect(JSON.parse(text)).toMatchObject({ format: 'checkpost-roster-pack', sealed: { kdf: { name: 'PBKDF2-SHA256', iterations: 600_000 } } });
  });

  it('asks a new browser whose it is, shows staff their steps, and meanwhile holds posts saying what to do', async () => {
    const page = await staff.context.newPage();
    await page.goto('https://x.com/home');
    await writePost(page, 'Sports day is on Friday: bring a water bottle!');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(page, 'cannot_check').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(page.getByText(/Checkpost is not set up on this browser yet.*roster pack that the school's ORM lead gives them/).count()).resolves.toBe(1);
    expect(await sentPosts(page)).toEqual([]);
    await page.close();

    const first = await staff.context.newPage();
    await first.goto(`chrome-extension://${staff.extensionId}/options.html`);
    await first.getByRole('form', { name: 'Set up Checkpost on this browser' }).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await first.screenshot({ path: join(ARTIFACTS, 'options-first-run.png'), fullPage: true });
    await first.close();
    const options = await openOptions(staff, 'Member of staff');
    await options.getByRole('heading', { name: 'Setting up as a member of staff' }).waitFor();
    await expect(options.getByLabel('Roster CSV').count()).resolves.toBe(0);
    await options.screenshot({ path: join(ARTIFACTS, 'options-first-run-staff.png'), fullPage: true });
    await options.close();
  });

  it("imports the pack into a fresh profile with the pack passphrase: the staff browser then recognises the school's pupils", async () => {
    const options = await openOptions(staff, 'Member of staff');
    await importPack(options, first, 'not the pack passphrase');
    await refusedWith(options, /passphrase does not open this roster pack/);
    await importPack(options, second);
    await options.getByText(/In use: roster\.csv.*45 pupils, 11 people with a face template/).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await options.screenshot({ path: join(ARTIFACTS, 'options-pack-imported.png'), fullPage: true });
    await options.close();

    const page = await staff.context.newPage();
    await page.goto('https://x.com/home');
    await writePost(page, pupil.text, pupil.imagePaths[0]!);
    await panel(page, 'passed').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Your post was sent.').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    expect(await sentPosts(page)).toHaveLength(1);
    await page.close();
  });

  it('refuses an older pack, an altered one and one signed by another key, keeping the roster in use', async () => {
    const options = await openOptions(staff, 'Member of staff');
    await importPack(options, first);
    await refusedWith(options, /before the one in use/);

    const altered = join(folder, 'altered.pack');
    writeFileSync(altered, readFileSync(second, 'utf8').replace(/"createdAt":"\d{4}/, '"createdAt":"2999'));
    await importPack(options, altered);
    await refusedWith(options, /changed since the ORM lead made it/);

    // Another school's ORM lead (another profile, so another signing key) exports a pack of the same roster.
    const other = await launchWithExtension(buildExtension(), server.port);
    try {
      const otherOptions = await importRosterThroughOptions(other, corpusPath('roster', 'roster.csv'), corpusPath('roster', 'photos'), false);
      const foreign = await exportPack(otherOptions, folder, 'foreign.pack');
      await importPack(options, foreign);
      await refusedWith(options, /signed by a key .* other than your school's/);
    } finally {
      await other.close();
    }
    await options.reload();
    await options.getByText(/In use: roster\.csv.*11 people with a face template/).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await options.close();
  });

  it("sets up the Headteacher's browser: the pack, then an override PIN kept only as a slow check, which only the PIN set before can change", async () => {
    const head = await launchWithExtension(buildExtension(), server.port);
    try {
      const options = await openOptions(head, 'Headteacher');
      await options.getByRole('heading', { name: 'Setting up as the Headteacher' }).waitFor();
      await options.getByRole('heading', { name: 'Import the school’s roster pack' }).waitFor();
      await importPack(options, second);
      const pin = options.getByRole('form', { name: 'Choose your override PIN' });
      await pin.getByLabel('New override PIN', { exact: true }).fill('123456');
      await pin.getByLabel('Repeat the new override PIN').fill('123456');
      await pin.getByRole('button').click();
      await options.getByText(/guess/i).first().waitFor({ timeout: 10_000 });
      await pin.getByLabel('New override PIN', { exact: true }).fill('482916');
      await pin.getByLabel('Repeat the new override PIN').fill('482916');
      await pin.getByRole('button').click();
      await options.getByText('An override PIN is set on this browser.').waitFor({ timeout: 10_000 });
      const stored = await head.serviceWorker.evaluate(() =>
        (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null),
      );
      expect(stored['headteacherPin']).toBeDefined();
      expect(JSON.stringify(stored)).not.toContain('482916');
      // Changing it asks for the PIN now set; a wrong one changes nothing.
      const change = options.getByRole('form', { name: 'Change the override PIN' });
      await change.getByLabel('Override PIN now').fill('111111');
      await change.getByLabel('New override PIN', { exact: true }).fill('735102');
      await change.getByLabel('Repeat the new override PIN').fill('735102');
      await change.getByRole('button').click();
      await options.getByText('That is not the override PIN set on this browser, so it was not changed.').waitFor({ timeout: 10_000 });
      await options.screenshot({ path: join(ARTIFACTS, 'options-headteacher.png'), fullPage: true });
      await options.close();
    } finally {
      await head.close();
    }
  });
});
