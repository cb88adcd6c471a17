import { BUDGET_MS } from '../../lib/deadlines';
import '../../components/verdict-panel/verdict-panel.css';
import { createComposerGuard } from '../../lib/composer/composer-guard';
import { createEngineClient } from '../../lib/composer/engine-client';
import { imageHash } from '../../lib/image-hash';
import { createPanelStore } from '../../lib/composer/panel-store';
import { watchFilePicking, watchPickedFiles } from '../../lib/composer/picked-files-browser';
import { readMedia } from '../../lib/composer/read-media-browser';
import { installSendGate } from '../../lib/composer/send-gate-browser';
import { watchPage } from '../../lib/composer/watch-page-browser';
import { xAdapter } from '../../lib/composer/x/adapter';
import { extensionContextGone, extensionReloadedError, sendMessage } from '../../lib/messaging/runtime-browser';
import { rosterVersion } from '../../lib/storage/items-browser';
import { createPanelHost } from './panel-host';

/** Saving a verdict for the popup is a courtesy: it never holds anything up. */

export default defineContentScript({
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  // Before X's own scripts: the send gate's listeners must be the first to see every event.
  runAt: 'document_start',
  cssInjectionMode: 'ui',
  main(ctx) {
    const store = createPanelStore();
    // The gate's callback reads `guard`, built next: no event can arrive before this function returns.
    const gate = installSendGate(window, xAdapter, (attempt) => guard.decide(attempt));
    const guard = createComposerGuard({
      document,
      adapter: xAdapter,
      engine: createEngineClient(sendMessage),
      readMedia,
      hash: imageHash,
      panels: store,
      host: createPanelHost(ctx, store, { postAnyway: (id) => guard.postAnyway(id), retry: (id) => guard.retry(id) }),
      release: (composer) => gate.release(composer),
      record: (record) => void sendMessage('recordVerdict', record, { timeoutMs: BUDGET_MS.record, what: 'Saving the verdict' }),
      audit: (event) => void sendMessage('recordAudit', event, { timeoutMs: BUDGET_MS.record, what: 'Recording in the audit log' }),
      orphaned: () => (extensionContextGone() ? extensionReloadedError() : null),
      now: Date.now,
      later: (work, ms) => void setTimeout(work, ms),
    });
    const stopFiles = watchPickedFiles(window, (files) => guard.filesAdded(files));
    // Only a head start: if it fails, the photo's own analysis loads the models and reports why.
    const stopPicking = watchFilePicking(window, () => void sendMessage('awaitEngine', null, { timeoutMs: BUDGET_MS.engineLoad, what: 'Starting the photo check' }));
    const stopWatching = watchPage(document, () => guard.scan());
    const stopRoster = rosterVersion.watch(() => guard.rosterChanged());
    ctx.onInvalidated(() => {
      // An orphaned script (extension updated or removed) keeps holding posts, with its message:
      // nothing else would check them. Only a newer copy of this script, which guards the page
      // itself, retires this one.
      if (extensionContextGone()) return;
      gate.dispose();
      stopFiles();
      stopPicking();
      stopWatching();
      stopRoster();
    });
  },
});
