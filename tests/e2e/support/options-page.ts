import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/** The roster passphrase the tests' ORM lead chooses. */
export const ROSTER_PASSPHRASE = 'kettle on in the staff room';

/**
 * Imports a roster CSV and its photos folder through the extension's options page, as the ORM lead would: with face
 * matching, recording the school's DPIA and notice to parents, unless `faceMatching` is false.
 */
export async function importRosterThroughOptions(browser: ExtensionBrowser, csv: string, photosDir: string, faceMatching = true): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
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
  await options.getByRole('button', { name: 'Import roster', exact: true }).click();
  await options.getByRole('heading', { name: /Roster (not )?imported/ }).waitFor({ timeout: 120_000 });
  // The import is over when the button is back, whatever its outcome.
  await options.getByRole('button', { name: 'Import roster', exact: true }).waitFor({ timeout: 60_000 });
  return options;
}

/** Sends one Checkpost message from an extension page, as the popup or options page do, and returns the reply. */
export const askExtension = (page: Page, type: string, request: unknown = null): Promise<{ ok: boolean; value?: unknown }> =>
  page.evaluate(
    (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown }> } } }).chrome.runtime.sendMessage(message),
    { checkpost: type, hop: 'to_background', request },
  );
