import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageNode } from '../../lib/engines/image/decode-node';
import { createOcrEngine } from '../../lib/engines/ocr/create-ocr-engine';
import { nodeOcrPaths } from '../../lib/engines/ocr/paths-node';
import { errorCodeSchema } from '../../lib/messaging/schemas';
import { rules } from '../../lib/rules';
import { verdictRecordSchema } from '../../lib/storage/verdict-record';
import { corpusAvailable, corpusNote, corpusPath } from '../support/corpus';
import { corpusCase, corpusDocuments } from './support/corpus-posts';
import { launchWithExtension, type ExtensionBrowser } from './support/extension-browser';
import { buildExtension } from './support/extension-build';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { ROSTER_PASSPHRASE, askExtension, importRosterThroughOptions, openOptions } from './support/options-page';
import { noDeadline } from '../support/must';
import { panel, sentPosts, writePost } from './support/x-page';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'e2e');

/** The bit of the service worker's `chrome` the tests touch. */
interface SessionScope {
  chrome: { storage: { session: { remove(key: string): Promise<void> } } };
}

/** The first verdict also waits for the offscreen engine's cold start and the OCR of a certificate. */
const VERDICT_TIMEOUT_MS = 45_000;

/** Every name of every pupil on the corpus roster: forenames (legal and preferred) and surnames. */
function pupilNames(): string[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const pupils = rows.filter((row) => row['Role'] === 'Pupil');
  return [
    ...new Set(
      pupils.flatMap((row) => [row['Legal Forename'], row['Preferred Forename'], row['Legal Surname']]).filter((name): name is string => name !== undefined && name !== ''),
    ),
  ];
}

/**
 * The words Checkpost's own OCR reads on a photo (the same engine as the extension's, in Node).
 * Words Checkpost itself writes into storage (rule ids, error codes, record fields) are left out:
 * finding "image" in `name-in-image` says nothing about the photo.
 */
async function ocrWords(photo: string): Promise<string[]> {
  const own = new Set([...rules.map((rule) => rule.id), ...errorCodeSchema.options, ...Object.keys(verdictRecordSchema.shape)].flatMap((id) => id.toLowerCase().split(/[-_]/)));
  const decoded = await decodeImageNode(new Uint8Array(readFileSync(photo)), photo);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const created = await createOcrEngine(nodeOcrPaths());
  if (!created.ok) throw new Error(created.error.message);
  try {
    const read = await created.value.analyse(decoded.value, noDeadline());
    if (!read.ok) throw new Error(read.error.message);
    const words = read.value.lines.flatMap((line) => line.words.map((word) => word.text.replace(/[^\p{L}]/gu, '').toLowerCase()));
    return [...new Set(words.filter((word) => word.length >= 4 && !own.has(word)))];
  } finally {
    await created.value.dispose();
  }
}

/** The words of `needles` that occur as whole words, in any case, in `haystack`. */
const found = (haystack: string, needles: string[]): string[] =>
  needles.filter((needle) => new RegExp(`(?<![\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(haystack));

interface StoreDump {
  database: string;
  store: string;
  entries: { key: unknown; value: unknown }[];
}

/** Every IndexedDB store of the extension's origin, whole, read from one of its pages. */
const dumpIndexedDb = (): Promise<StoreDump[]> =>
  (async () => {
    const asPromise = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const dumps: StoreDump[] = [];
    for (const info of await indexedDB.databases()) {
      if (info.name === undefined) continue;
      const db = await asPromise(indexedDB.open(info.name));
      for (const store of [...db.objectStoreNames]) {
        const transaction = db.transaction(store, 'readonly');
        const [keys, values] = await Promise.all([asPromise(transaction.objectStore(store).getAllKeys()), asPromise(transaction.objectStore(store).getAll())]);
        dumps.push({ database: info.name, store, entries: keys.map((key, index) => ({ key, value: values[index] })) });
      }
      db.close();
    }
    return dumps;
  })();

describe.skipIf(!corpusAvailable)(`What Checkpost keeps after blocking a post that names pupils, in Chromium with the built extension ${corpusNote}`, () => {
  let extensionDir = '';
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  const namedInText = corpusCase(
    "a text-only post blocked only for a pupil's name",
    (post) => post.images.length === 0 && post.expected === 'block' && post.reasons.join() === 'name_in_text',
  );
  const certificate = corpusDocuments().find((doc) => doc.kind === 'certificate' && doc.faces_in_image === 0 && doc.names_visible.length > 0);

  beforeAll(async () => {
    extensionDir = buildExtension();
    server = await startFixtureServer(mkdtempSync(join(tmpdir(), 'checkpost-cert-')));
    browser = await launchWithExtension(extensionDir, server.port);
    const options = await importRosterThroughOptions(browser, corpusPath('roster', 'roster.csv'), corpusPath('roster', 'photos'));
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("keeps no pupil's name and none of the text read on the photo anywhere in the clear, the roster store included", async () => {
    if (certificate === undefined) throw new Error('The corpus has no certificate that shows a pupil’s name.');
    const photo = corpusPath(certificate.file);
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await writePost(page, namedInText.text, photo);
    await panel(page, 'block').waitFor({ timeout: VERDICT_TIMEOUT_MS });

    const worker = browser.context.serviceWorkers()[0] ?? browser.serviceWorker;
    const readAreas = () =>
      worker.evaluate(async () => {
        const { storage } = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(keys: null): Promise<Record<string, unknown>> }> } }).chrome;
        return { local: await storage.local.get(null), session: await storage.session.get(null) };
      });
    // The verdict is recorded for the popup after the panel shows it. The text alone already
    // blocks, so the panel may show before the photo is checked: wait for the record with the photo.
    const latestRecord = (session: Record<string, unknown>) => {
      const [tabList] = Object.entries(session).filter(([key]) => key.startsWith('verdicts-tab-') && !key.endsWith('$'));
      return tabList === undefined ? undefined : verdictRecordSchema.array().parse(tabList[1])[0];
    };
    await expect.poll(async () => latestRecord((await readAreas()).session)?.photos, { timeout: VERDICT_TIMEOUT_MS }).toBe(1);
    const areas = await readAreas();

    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const stores = await extensionPage.evaluate(dumpIndexedDb);
    const localStorageDump = await extensionPage.evaluate(() => ({ ...localStorage }));
    await extensionPage.close();
    await page.close();

    // What the popup keeps is there, and says what was found without saying who.
    const latest = latestRecord(areas.session);
    expect(latest).toMatchObject({ status: 'block', photos: 1, postHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(latest?.rules.map((rule) => rule.ruleId).sort()).toEqual(['name-in-image', 'name-in-text']);

    const names = pupilNames();
    const read = await ocrWords(photo);
    expect(found(read.join(' '), certificate.names_visible.join(' ').split(' ')).length).toBeGreaterThan(0);
    // The roster store holds one record, sealed: its names and templates are ciphertext.
    const roster = stores.filter((dump) => dump.database === 'checkpost' && dump.store === 'roster');
    expect(roster.flatMap((dump) => dump.entries)).toEqual([{ key: 'current', value: expect.objectContaining({ format: 'checkpost-sealed-roster' }) }]);
    // The search itself finds names where they are in the clear: the CSV the ORM lead imported.
    expect(found(readFileSync(corpusPath('roster', 'roster.csv'), 'utf8'), certificate.names_visible.join(' ').split(' '))).not.toEqual([]);

    // Ciphertext, salts and the session key are random base64, where short names like "Mo" turn up by chance: they are left out by field.
    const blank = { iv: '', ciphertext: '' };
    const sealedOut = stores.map((dump) =>
      dump === roster[0]
        ? { ...dump, entries: dump.entries.map(({ key, value }) => ({ key, value: { ...(value as object), key: { ...blank, kdf: null }, roster: blank } })) }
        : dump,
    );
    const everywhere = JSON.stringify({ areas: { ...areas, session: { ...areas.session, rosterKey: '' } }, stores: sealedOut, localStorageDump });
    expect(found(everywhere, names)).toEqual([]);
    expect(found(everywhere, read)).toEqual([]);
  });

  it('locks the roster when the browser starts again: posts are held until the roster passphrase is given in the popup', async () => {
    // Starting the browser again empties session storage, where the roster key is kept.
    await browser.serviceWorker.evaluate(() => (globalThis as unknown as SessionScope).chrome.storage.session.remove('rosterKey'));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await askExtension(popup, 'reloadRoster');
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await writePost(page, 'Sports day is on Friday.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(page, 'cannot_check').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(
      panel(page, 'cannot_check')
        .getByText(/roster is locked/)
        .count(),
    ).resolves.toBeGreaterThan(0);
    expect(await sentPosts(page)).toEqual([]);

    // The roster pages are behind the passphrase too: the options page shows nothing of the roster until it is given.
    const options = await openOptions(browser);
    await options.getByRole('heading', { name: 'Unlock the roster' }).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await expect(options.getByLabel('Roster CSV').count()).resolves.toBe(0);
    await expect(options.getByText(/pupils|In use/).count()).resolves.toBe(0);
    await options.screenshot({ path: join(ARTIFACTS, 'options-locked.png') });
    await options.close();

    await popup.reload();
    await popup.getByLabel('Roster passphrase').fill('not the roster passphrase');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup
      .getByRole('alert')
      .getByText(/does not open the roster/)
      .waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await popup.screenshot({ path: join(ARTIFACTS, 'popup-locked.png') });
    await popup.getByLabel('Roster passphrase').fill(ROSTER_PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByText(/pupils on the roster/).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    // The open composer hears of the roster and checks the held post again: it passes, and the post Post was pressed on goes out once.
    await page.getByText('Your post was sent.').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    expect(await sentPosts(page)).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('erases every name, consent and face template when the ORM lead erases the roster (the audit log, which names no one, stays), and then holds posts', async () => {
    const options = await openOptions(browser);
    await options.getByRole('button', { name: 'Erase all roster data…' }).click();
    await options.getByRole('button', { name: 'Erase everything' }).click();
    await options.getByText(/No roster imported yet/).waitFor({ timeout: VERDICT_TIMEOUT_MS });
    const stores = (await options.evaluate(dumpIndexedDb)).filter((dump) => dump.database === 'checkpost');
    expect(stores.filter((dump) => dump.store === 'roster').flatMap((dump) => dump.entries)).toEqual([]);
    // The audit log stays: it is the school's record of what was decided, and it names no one.
    const audit = stores.filter((dump) => dump.store.startsWith('audit')).flatMap((dump) => dump.entries);
    expect(audit.length).toBeGreaterThan(0);
    expect(found(JSON.stringify(audit), pupilNames())).toEqual([]);
    await options.close();
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    await writePost(page, 'Sports day is on Friday.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await panel(page, 'cannot_check').waitFor({ timeout: VERDICT_TIMEOUT_MS });
    await page.close();
  });
});
