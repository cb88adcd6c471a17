import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** The roster passphrase the tests' ORM lead chooses. */
export const ROSTER_PASSPHRASE = 'kettle on in the staff room';

/** Who the first-run question may be answered as: the start of the role's label. */
export type RoleName = 'ORM lead' | 'Member of staff' | 'Headteacher';

/**
 * Opens the options page, answering the first-run question (whose browser this is) as `role` if it is asked; it is
 * asked only until a role is chosen on a browser with no roster.
 */
export async function openOptions(browser: ExtensionBrowser, role: RoleName = 'ORM lead'): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  // Every screen but the brief "Reading the roster in use…" has a section heading or a form.
  await options.locator('main h2, main form').first().waitFor({ timeout: 30_000 });
  const question = options.getByRole('form', { name: 'Set up Checkpost on this browser' });
  if ((await question.count()) > 0) {
    await question.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
    await question.getByRole('button', { name: 'Continue' }).click();
    await question.waitFor({ state: 'detached' });
  }
  return options;
}

/**
 * Fills in the options page as the ORM lead would, for a roster CSV and its photos folder (with face matching,
 * recording the school's DPIA and notice to parents, unless `faceMatching` is false) and checks it: the page then
 * shows the preview of a roster that reads cleanly, or the report of one that does not. Nothing is saved yet.
 */
export async function checkRosterThroughOptions(browser: ExtensionBrowser, csv: string, photosDir: string, faceMatching = true): Promise<Page> {
  const options = await openOptions(browser);
  await options.getByLabel('Roster CSV').setInputFiles(csv);
  await options.getByLabel('Photos folder').setInputFiles(photosDir);
  if (faceMatching) {
    await options.getByLabel('Match faces to the reference photos').check();
    await options.getByLabel('DPIA completed on').fill('2026-09-01');
    await options.getByLabel('Data protection officer').fill('Test DPO');
    await options.getByLabel('Parents notified on').fill('2026-09-02');
  }
  await options.getByLabel('Roster passphrase').fill(ROSTER_PASSPHRASE);
  // Only the first import sets the passphrase, typing it twice; a later one is given it once.
  const repeat = options.getByLabel('Repeat the passphrase');
  if ((await repeat.count()) > 0) await repeat.fill(ROSTER_PASSPHRASE);
  await options.getByRole('button', { name: 'Check roster', exact: true }).click();
  await options.getByRole('heading', { name: /^(Ready to import|Roster not imported)$/ }).waitFor({ timeout: 60_000 });
  return options;
}

/** Chooses a roster CSV and a zip of its photos on an open options page, with face matching on, and presses Check roster. */
export async function checkExportThroughOptions(options: Page, files: { csv: string; zip: string }, firstImport: boolean): Promise<void> {
  await options.getByLabel('Roster CSV').setInputFiles(files.csv);
  await options.getByLabel('Or photo files, or a zip of them').setInputFiles(files.zip);
  await options.getByLabel('Match faces to the reference photos').check();
  await options.getByLabel('DPIA completed on').fill('2026-09-01');
  await options.getByLabel('Data protection officer').fill('Test DPO');
  await options.getByLabel('Parents notified on').fill('2026-09-02');
  await options.getByLabel('Roster passphrase').fill(ROSTER_PASSPHRASE);
  if (firstImport) await options.getByLabel('Repeat the passphrase').fill(ROSTER_PASSPHRASE);
  await options.getByRole('button', { name: 'Check roster', exact: true }).click();
}

/** Applies a previewed roster (if the check found no problem) and waits for the outcome, whatever it is. */
export async function applyCheckedRoster(options: Page): Promise<Page> {
  const apply = options.getByRole('button', { name: 'Import roster', exact: true });
  if ((await apply.count()) > 0) await apply.click();
  await options.getByRole('heading', { name: /^Roster (not )?imported$/ }).waitFor({ timeout: 120_000 });
  // The import is over when the form is usable again.
  await options.getByRole('button', { name: 'Check roster', exact: true, disabled: false }).waitFor({ timeout: 60_000 });
  return options;
}

/** Checks and applies a roster through the options page, as the ORM lead would (see checkRosterThroughOptions). */
export async function importRosterThroughOptions(browser: ExtensionBrowser, csv: string, photosDir: string, faceMatching = true): Promise<Page> {
  return applyCheckedRoster(await checkRosterThroughOptions(browser, csv, photosDir, faceMatching));
}

/** Sends one Checkpost message from an extension page, as the popup or options page do, and returns the reply. */
export const askExtension = (page: Page, type: string, request: unknown = null): Promise<{ ok: boolean; value?: unknown }> =>
  page.evaluate(
    (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown }> } } }).chrome.runtime.sendMessage(message),
    { checkpost: type, hop: 'to_background', request },
  );
