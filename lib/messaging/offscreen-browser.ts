import { browser } from 'wxt/browser';
import { describeThrown } from '../errors';

const OFFSCREEN_PATH = '/offscreen.html';

let creating: Promise<void> | undefined;

/**
 * Makes sure the offscreen document that runs the engine exists. The service worker may have been
 * stopped and started since it made one, so it asks Chrome rather than remembering.
 */
export async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['WORKERS'],
      justification: 'Runs the on-device face check (WebAssembly models) so photos never leave this computer.',
    })
    .catch((thrown: unknown) => {
      // Two callers racing across a service-worker restart: the other one made it.
      if (!/single offscreen document/i.test(describeThrown(thrown))) throw thrown;
    })
    .finally(() => {
      creating = undefined;
    });
  await creating;
}
