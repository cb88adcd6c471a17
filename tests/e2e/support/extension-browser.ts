import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHECKPOST_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The browser's user-data-dir, which also identifies its processes. */
  profile: string;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, headless. Every host name resolves to the
 * fixture server, so https://x.com/... is the fixture and nothing else is reachable (or unseen).
 */
export async function launchWithExtension(extensionDir: string, serverPort: number): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (Debian) or set CHECKPOST_CHROMIUM.`);
  const profile = mkdtempSync(join(tmpdir(), 'checkpost-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 1000 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${serverPort}, EXCLUDE localhost`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--no-first-run',
    ],
  });
  // Generous: with two test files each running Chromium on two cores, the extension's first start can take a while.
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 90_000 }));
  // A new install opens the first-run page; a test opens the options page itself when it wants it.
  const firstRun = context.pages().find((page) => page.url().endsWith('/options.html')) ?? (await context.waitForEvent('page', { timeout: 15_000 }).catch(() => null));
  await firstRun?.close();
  return { context, profile, extensionId: new URL(serviceWorker.url()).host, serviceWorker, close: () => context.close() };
}

/**
 * Stops one of the extension's contexts the way Chromium may at any time: the service worker
 * ('service_worker') or the offscreen document ('background_page'), through the DevTools protocol.
 */
export async function stopExtensionContext(browser: ExtensionBrowser, type: 'service_worker' | 'background_page'): Promise<void> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const target = targetInfos.find((info) => info.type === type && info.url.startsWith(`chrome-extension://${browser.extensionId}/`));
    if (target === undefined) throw new Error(`The extension has no running ${type}`);
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await page.close();
  }
}
