import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';
import { corpusCase, onlyDocuments, onlyStrangers } from './support/corpus-posts';
import { launchWithExtension, stopExtensionContext, type ExtensionBrowser } from './support/extension-browser';
import { buildExtension, TESSERACT_CORES, TFJS_WASM, withoutFiles } from './support/extension-build';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { applyCheckedRoster, askExtension, checkRosterThroughOptions, importRosterThroughOptions, openOptions } from './support/options-page';
import { attachToVerdictMs, panel, postToSendMs, sentPosts, startVerdictClock, writePost } from './support/x-page';

/** Screenshots and timings of the run, for people to look at (gitignored). */
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'e2e');
const ROOT = join(import.meta.dirname, '..', '..');
/** A photo with faces nobody enrolled: face-api's demo group photo, shipped in node_modules. */
const STRANGERS_PHOTO = join(ROOT, 'node_modules', '@vladmandic', 'face-api', 'demo', 'sample1.jpg');
/**
 * Chromium's own background services (component updates, account checks, connectivity probes):
 * the same browser with no extension loaded contacts them too (measured with these flags).
 */
const CHROMIUM_OWN_HOSTS = new Set(['update.googleapis.com', 'accounts.google.com', 'connectivitycheck.gstatic.com', 'clients2.google.com']);
/** A verdict on one photo: the first also waits for the offscreen engine's cold start. */
const VERDICT_TIMEOUT_MS = 30_000;

const timings: Record<string, number | number[]> = {};

let extensionDir = '';
let server: FixtureServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  extensionDir = buildExtension();
  server = await startFixtureServer(mkdtempSync(join(tmpdir(), 'checkpost-cert-')));
});

afterAll(async () => {
  await server?.close();
  writeFileSync(join(ARTIFACTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
});

const screenshot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function openX(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://x.com${path}`);
  await startVerdictClock(page);
  return page;
}

/** Pastes an image file into an editor as the clipboard would. */
async function pasteImage(page: Page, editorSelector: string, file: string, name: string): Promise<void> {
  const base64 = readFileSync(file).toString('base64');
  await page.evaluate(
    ({ selector, data, fileName }) => {
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'image/jpeg' }));
      document.querySelector(selector)?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { selector: editorSelector, data: base64, fileName: name },
  );
}

const settle = (page: Page) => page.waitForTimeout(500);

/** Every way the corpus roster writes a pupil's full name: legal or preferred forename, then surname. */
function rosterFullNames(): Set<string> {
  const rows = Papa.parse<Record<string, string>>(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  return new Set(rows.flatMap((row) => [`${row['Legal Forename']} ${row['Legal Surname']}`, `${row['Preferred Forename']} ${row['Legal Surname']}`]));
}

/** The bit of the service worker's `chrome` the tests read. */
interface SessionStorageScope {
  chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
}

describe.skipIf(!corpusAvailable)(`Checkpost on X's composers, in Chromium with the built extension ${corpusNote}`, () => {
  let browser: ExtensionBrowser;
  let sessionStart = 0;
  const pupil = corpusCase(
    'a post on X with one photo of a consented pupil that passes',
    (post) => post.platform === 'x' && post.expected === 'pass' && post.images.length === 1 && post.images[0]!.startsWith('faces/identities/'),
  );
  const stranger = corpusCase(
    'a post blocked only for unknown faces, of one group photo in which no one on the roster appears',
    (post) => post.expected === 'block' && post.images.length === 1 && post.reasons.join() === 'face_unknown' && onlyStrangers(post),
  );
  const namedCertificate = corpusCase(
    "a post blocked only for a pupil's name on a certificate photo",
    (post) => post.images.length === 1 && post.reasons.join() === 'name_in_image' && onlyDocuments(post, ['certificate']),
  );
  const blankDocument = corpusCase('a post of a blank document that passes', (post) => post.expected === 'pass' && post.images.length === 1 && onlyDocuments(post, ['negative']));
  const namedInText = corpusCase(
    "a text-only post blocked only for a pupil's name",
    (post) => post.images.length === 0 && post.expected === 'block' && post.reasons.join() === 'name_in_text',
  );
  const negativeTone = corpusCase(
    'a text-only post that only warns for its tone',
    (post) => post.images.length === 0 && post.expected === 'warn' && post.reasons.join() === 'negative_tone',
  );

  beforeAll(async () => {
    sessionStart = Date.now();
    browser = await launchWithExtension(extensionDir, server.port);
    const options = await importRosterThroughOptions(browser, corpusPath('roster', 'roster.csv'), corpusPath('roster', 'photos'));
    await screenshot(options, 'options-import-report');
    await expect(options.getByRole('heading', { name: 'Roster imported' }).count()).resolves.toBe(1);
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('holds a photo of strangers: the panel boxes the faces and the site never sends', async () => {
    const page = await openX(browser, '/home');
    await writePost(page, stranger.text, stranger.imagePaths[0]!);
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    timings.firstAttachToVerdictMs = await attachToVerdictMs(page);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await expect(panel(page, 'block').getByText('Your post has not been sent.').count()).resolves.toBe(1);
    expect(await panel(page, 'block').locator('.cp-mark-face').count()).toBeGreaterThan(0);
    await expect(panel(page, 'block').getByRole('button').count()).resolves.toBe(0);
    await screenshot(page, 'block-unknown-face');
    // The popup lists the tab's verdicts from session storage, written by the service worker.
    const stored = await browser.serviceWorker.evaluate(() => (globalThis as unknown as SessionStorageScope).chrome.storage.session.get(null));
    expect(Object.values(stored).flat()).toContainEqual(expect.objectContaining({ platform: 'x', status: 'block', photos: 1 }));
    await page.close();
  });

  it("passes a consented pupil's photo and sends it exactly once", async () => {
    const page = await openX(browser, '/compose/post');
    await writePost(page, pupil.text, pupil.imagePaths[0]!);
    await panel(page, 'passed').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    timings.warmAttachToVerdictMs = await attachToVerdictMs(page);
    await screenshot(page, 'passed-consented-pupil');
    const decisionMs = await postToSendMs(page);
    await settle(page);
    expect(decisionMs).not.toBeNull();
    timings.postToSendMs = decisionMs ?? Number.NaN;
    expect(await sentPosts(page)).toEqual([{ at: expect.any(Number), texts: [pupil.text], images: 1 }]);
    await page.close();
  });

  it('holds Ctrl+Enter in the editor, and Enter or Space on the focused Post button, like a click', async () => {
    const page = await openX(browser, '/home');
    await writePost(page, 'Lunchtime in the hall', stranger.imagePaths[0]!);
    const editor = page.locator('[data-testid="tweetTextarea_0"]');
    await editor.press('Control+Enter');
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await editor.press('Control+Enter');
    await editor.press('Meta+Enter');
    const post = page.getByRole('button', { name: 'Post', exact: true });
    await post.press('Enter');
    await post.press(' ');
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await page.close();
  });

  it('checks a pasted image', async () => {
    const page = await openX(browser, '/home');
    await writePost(page, 'Pasted from the camera roll');
    await pasteImage(page, '[data-testid="tweetTextarea_0"]', STRANGERS_PHOTO, 'image.jpg');
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await page.close();
  });

  it('checks the words of a text-only post and sends it once when they pass', async () => {
    const page = await openX(browser, '/home');
    await writePost(page, 'School closes at 2pm on Friday.');
    // Pressed at once: the check of the words is held for, then the post goes.
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Your post was sent.').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(page);
    expect(await sentPosts(page)).toEqual([{ at: expect.any(Number), texts: ['School closes at 2pm on Friday.'], images: 0 }]);
    await page.close();
  });

  it("holds a pupil's full name typed in the post, highlighting the name in a quote of the text", async () => {
    const page = await openX(browser, '/home');
    await writePost(page, namedInText.text);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    const quote = panel(page, 'block').getByRole('figure', { name: "In the post's text:" });
    await expect(quote.locator('blockquote').textContent()).resolves.toContain(namedInText.text.slice(0, 20));
    const highlighted = await quote.locator('mark.cp-words-block').evaluateAll((marks) => marks.map((mark) => mark.firstChild?.textContent ?? ''));
    expect(highlighted.length).toBeGreaterThan(0);
    expect(highlighted.every((words) => namedInText.text.includes(words))).toBe(true);
    expect(rosterFullNames()).toContain(highlighted.join(' '));
    await expect(panel(page, 'block').getByRole('button').count()).resolves.toBe(0);
    await screenshot(page, 'block-name-in-text');
    await page.close();
  });

  it('asks for "Post anyway" on a negative post, then sends it exactly once, and the audit log records both by name', async () => {
    const naming = await openOptions(browser);
    await naming.getByLabel('Name for the audit log').fill('Ms Rivera');
    await naming.getByRole('button', { name: /^(Save|Change) name$/ }).click();
    await naming.getByText('The audit log records posts from this browser as Ms Rivera.').waitFor({ timeout: 10_000 });
    await naming.close();
    const page = await openX(browser, '/home');
    await writePost(page, negativeTone.text);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(page, 'warn').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await expect(panel(page, 'warn').locator('mark.cp-words-warn').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'warn-negative-tone');
    // Keyboard, as staff may: focus is on the panel's heading after the held press.
    await panel(page, 'warn').getByRole('button', { name: 'Post anyway' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your post was sent.').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(page);
    expect(await sentPosts(page)).toEqual([{ at: expect.any(Number), texts: [negativeTone.text], images: 0 }]);
    await page.close();

    // The audit log on the options page has the warning, the "Post anyway" and the send, of one post, and verifies.
    const options = await openOptions(browser);
    const audit = options.getByRole('region', { name: 'Audit log' });
    await audit
      .getByRole('status')
      .filter({ hasText: /entries are as they were recorded/ })
      .waitFor({ timeout: 10_000 });
    const rows = await audit.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const [sent, accepted, warned] = rows;
    expect([sent?.[2], accepted?.[2], warned?.[2]]).toEqual(['Post sent after a check (X)', '“Post anyway” on a warning (X)', 'Checked: warned, blocked or could not check (X)']);
    expect([sent?.[3], accepted?.[3], warned?.[3]]).toEqual(['Ms Rivera', 'Ms Rivera', 'Ms Rivera']);
    expect(warned?.[4]).toBe('Warned');
    expect(new Set([sent?.[6], accepted?.[6], warned?.[6]]).size).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(negativeTone.text.slice(0, 12));
    await audit.scrollIntoViewIfNeeded();
    await audit.screenshot({ path: join(ARTIFACTS, 'options-audit-log.png') });
    await options.close();
  });

  it("holds a certificate with a pupil's name on it, the name boxed on the photo", async () => {
    const page = await openX(browser, '/home');
    await writePost(page, namedCertificate.text, namedCertificate.imagePaths[0]!);
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    timings.documentAttachToVerdictMs = await attachToVerdictMs(page);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    const names = panel(page, 'block').locator('.cp-mark-text.cp-mark-block');
    expect(await names.count()).toBeGreaterThan(0);
    await expect(names.first().textContent()).resolves.toBe('Name 1');
    await expect(
      panel(page, 'block')
        .getByRole('img', { name: /Name 1: must not be posted/ })
        .count(),
    ).resolves.toBe(1);
    await expect(panel(page, 'block').getByRole('list', { name: 'What Checkpost found' }).textContent()).resolves.toMatch(/the photo shows "/);
    await screenshot(page, 'block-name-on-certificate');
    await page.close();
  });

  it('passes a blank certificate and sends it exactly once', async () => {
    const page = await openX(browser, '/compose/post');
    await writePost(page, blankDocument.text, blankDocument.imagePaths[0]!);
    await panel(page, 'passed').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    timings.blankDocumentAttachToVerdictMs = await attachToVerdictMs(page);
    await screenshot(page, 'passed-blank-certificate');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Your post was sent.').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(page);
    expect(await sentPosts(page)).toEqual([{ at: expect.any(Number), texts: [blankDocument.text], images: 1 }]);
    await page.close();
  });

  it('checks every post of a thread: one unknown face holds "Post all" until that photo is removed', async () => {
    const page = await openX(browser, '/compose/thread');
    await writePost(page, pupil.text);
    await page.locator('[data-testid="tweetTextarea_1"]').fill('And the rest of the day');
    await page.locator('[data-testid="fileInput"]').setInputFiles(pupil.imagePaths[0]!);
    await pasteImage(page, '[data-testid="tweetTextarea_1"]', stranger.imagePaths[0]!, 'hall.jpg');
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Post all' }).click();
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await screenshot(page, 'block-thread');
    await page.locator('[data-testid="attachments"]').nth(1).getByRole('button', { name: 'Remove media' }).click();
    await panel(page, 'passed').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    expect(await sentPosts(page)).toEqual([]);
    await page.getByRole('button', { name: 'Post all' }).click();
    await page.getByText('Your post was sent.').waitFor();
    await settle(page);
    expect(await sentPosts(page)).toEqual([{ at: expect.any(Number), texts: [pupil.text, 'And the rest of the day'], images: 1 }]);
    await page.close();
  });

  it('guards the reply dialog, ignoring the photo of the post replied to', async () => {
    const page = await openX(browser, '/compose/reply');
    await writePost(page, 'Thank you!', pupil.imagePaths[0]!);
    await panel(page, 'passed').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.getByText('Your post was sent.').waitFor();
    expect(await sentPosts(page)).toHaveLength(1);
    await page.close();
  });

  it('holds a damaged photo, naming it, with Retry', async () => {
    const page = await openX(browser, '/home');
    const whole = readFileSync(pupil.imagePaths[0]!);
    const damaged = join(mkdtempSync(join(tmpdir(), 'checkpost-damaged-')), 'half-downloaded.jpg');
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    await writePost(page, 'Sports day', damaged);
    await panel(page, 'cannot_check').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(panel(page, 'cannot_check').textContent()).resolves.toContain('half-downloaded.jpg');
    await expect(panel(page, 'cannot_check').getByRole('button', { name: 'Retry' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await screenshot(page, 'cannot-check-damaged-photo');
    await page.close();
  });

  it("holds posting with a banner where X's Post button is no longer recognised", async () => {
    const page = await openX(browser, '/broken/button');
    await writePost(page, 'Hello');
    await panel(page, 'hook_broken').waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await screenshot(page, 'hook-broken-banner');
    await page.close();
  });

  it('recovers when Chromium stops the service worker: the next photo is still checked and sent once', async () => {
    await stopExtensionContext(browser, 'service_worker');
    const page = await openX(browser, '/home');
    await writePost(page, pupil.text, pupil.imagePaths[0]!);
    await panel(page, 'passed').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Your post was sent.').waitFor();
    expect(await sentPosts(page)).toHaveLength(1);
    await page.close();
  });

  it('makes a new offscreen engine when the old one is gone, and still holds a photo of strangers', async () => {
    const page = await openX(browser, '/home');
    await writePost(page, stranger.text, stranger.imagePaths[0]!);
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await stopExtensionContext(browser, 'background_page');
    // The same photo again, in a new composer: the new engine never saw it, so the page sends it again.
    const again = await openX(browser, '/compose/post');
    await writePost(again, stranger.text, stranger.imagePaths[0]!);
    await again.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(again, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(again);
    expect(await sentPosts(again)).toEqual([]);
    await page.close();
    await again.close();
  });

  it('loads the models while staff choose a photo, never for a text-only post', async () => {
    await stopExtensionContext(browser, 'background_page');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const engineState = async () => ((await askExtension(popup, 'engineStatus')).value as { engine: { state: string } }).engine.state;
    const page = await openX(browser, '/home');
    await writePost(page, 'School closes at 2pm on Friday.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByText('Your post was sent.').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    expect(await engineState()).toBe('idle');
    // X's media button clicks its hidden file input; the models load while the chooser is open.
    const chooser = page.waitForEvent('filechooser');
    await page
      .locator('[data-testid="fileInput"]')
      .first()
      .evaluate((input) => (input as HTMLInputElement).click());
    await chooser;
    await vi.waitFor(async () => expect(await engineState()).toBe('ready'), { timeout: VERDICT_TIMEOUT_MS, interval: 250 });
    await page.close();
    await popup.close();
  });

  it('shows in the popup that the models are ready and who is enrolled', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText(/Face and text models: ready/).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    timings.engineLoadMs = Number((await popup.getByRole('status').textContent())?.match(/loaded in ([\d.]+) s/)?.[1] ?? Number.NaN) * 1000;
    await expect(popup.getByText(/pupils on the roster; \d+ with a face template/).count()).resolves.toBe(1);
    await screenshot(popup, 'popup');
    await popup.close();
  });

  it('turns face matching off on the options page, deleting every template: faces are then boxed for staff to check by hand', async () => {
    const options = await openOptions(browser);
    await options.getByRole('button', { name: 'Turn face matching off and delete every face template' }).click();
    await options.getByText(/Face matching is off: no face templates are kept/).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(options.getByText(/0 people with a face template/).count()).resolves.toBe(1);
    await screenshot(options, 'options-face-matching-off');
    const page = await openX(browser, '/home');
    await writePost(page, pupil.text, pupil.imagePaths[0]!);
    await panel(page, 'warn').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(page.getByText(/Face matching is off at this school/).count()).resolves.toBe(1);
    await screenshot(page, 'x-face-matching-off');
    await page.close();
    // Back on, for the tests that follow, in September's roster: the last pupil with a reference photo has left.
    const lines = readFileSync(corpusPath('roster', 'roster.csv'), 'utf8').trimEnd().split('\n');
    const leaver = lines.findLastIndex((line) => /photos\/[^,]+\.jpg\s*$/.test(line));
    const september = join(mkdtempSync(join(tmpdir(), 'checkpost-september-')), 'roster.csv');
    writeFileSync(september, `${lines.filter((_, index) => index !== leaver).join('\n')}\n`);
    const again = await checkRosterThroughOptions(browser, september, corpusPath('roster', 'photos'));
    const leaverUpn = lines[leaver]!.split(',')[0]!;
    // Before anything is saved, the ORM lead sees who will leave, and how many photos will be enrolled.
    await expect(again.getByText(new RegExp(`^Left \\(everything about them will be deleted\\): .*\\(${leaverUpn}\\)\\.$`)).count()).resolves.toBe(1);
    await expect(again.getByText(/Importing enrols 10 reference photos/).count()).resolves.toBe(1);
    await screenshot(again, 'options-reimport-preview');
    await applyCheckedRoster(again);
    await expect(again.getByText(new RegExp(`^Left \\(everything about them deleted\\): .*\\(${leaverUpn}\\)\\.$`)).count()).resolves.toBe(1);
    await again.getByRole('heading', { name: 'Changes from the roster it replaced' }).scrollIntoViewIfNeeded();
    await screenshot(again, 'options-reimport-leaver');
    await again.close();
    await options.close();
  });

  it("withdraws one pupil's face matching by hand: their templates are deleted at once, and their photo is then held", async () => {
    const identities = JSON.parse(readFileSync(corpusPath('faces', 'identities.json'), 'utf8')) as { person_id: string; upn: string }[];
    const upn = identities.find((identity) => identity.person_id === basename(dirname(pupil.imagePaths[0]!)))!.upn;
    const options = await openOptions(browser);
    await options.getByRole('searchbox', { name: /Find a pupil or member of staff/ }).fill(upn);
    await options
      .getByRole('list', { name: 'People found' })
      .getByRole('button', { name: new RegExp(`\\(${upn}\\)`) })
      .click();
    const form = options.getByRole('form', { name: /^Consents of / });
    await form.getByRole('checkbox', { name: 'Face matching (biometric consent)' }).uncheck();
    await expect(form.getByText(/1 face template\. Saving deletes them\./).count()).resolves.toBe(1);
    await form.getByRole('button', { name: 'Save consents' }).click();
    const saved = options.getByRole('status').filter({ hasText: 'Saved' });
    await saved.waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(saved.getByText(new RegExp(`\\(${upn}\\).*face matching now N`)).count()).resolves.toBe(1);
    await expect(options.getByText(/In use: .*, 9 people with a face template/).count()).resolves.toBe(1);
    await screenshot(options, 'options-person-consent');
    await options.close();
    // Not recognised now, their face is one more unknown face: held, as a stranger's is.
    const page = await openX(browser, '/home');
    await writePost(page, pupil.text, pupil.imagePaths[0]!);
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.close();
  });

  it("sent no request to any host but the fixture's during the whole session (roster import and every check)", () => {
    expect(server.foreignHostsSince(sessionStart).filter((host) => !CHROMIUM_OWN_HOSTS.has(host))).toEqual([]);
  });
});

// A build missing a packaged file stands for any model that will not load: posts with photos are held, never half-checked.
describe.each([
  { part: 'an engine that cannot load', missing: TFJS_WASM, says: /face models could not be loaded/, shot: 'cannot-check-engine-failed' },
  { part: 'a text reader that cannot start', missing: TESSERACT_CORES, says: /text reader could not start/, shot: 'cannot-check-text-reader-failed' },
])('Checkpost with $part, in Chromium', ({ missing, says, shot }) => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension(withoutFiles(extensionDir, missing), server.port);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('holds a post with a photo, says why, and keeps holding it on Retry', async () => {
    const page = await openX(browser, '/home');
    await writePost(page, 'Sports day', STRANGERS_PHOTO);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(page, 'cannot_check').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(panel(page, 'cannot_check').textContent()).resolves.toMatch(says);
    await screenshot(page, shot);
    await panel(page, 'cannot_check').getByRole('button', { name: 'Retry' }).click();
    await panel(page, 'cannot_check').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await settle(page);
    expect(await sentPosts(page)).toEqual([]);
    await page.close();
  });
});
