import { BUDGET_MS } from '../lib/deadlines';
import { checkError, describeThrown } from '../lib/errors';
import { ensureOffscreenDocument } from '../lib/messaging/offscreen-browser';
import type { OffscreenMessage, RequestOf, ResponseOf } from '../lib/messaging/protocol';
import { answerMessages, ReplyError, sendMessage } from '../lib/messaging/runtime-browser';
import { purgeExpiredAudit } from '../lib/storage/audit-browser';
import { appendAudit } from '../lib/storage/audit-log-browser';
import { rosterKeyItem, staffNameItem, staffNameSchema } from '../lib/storage/items-browser';
import { forgetTab, recordTabVerdict } from '../lib/storage/tab-verdicts-browser';

// Relays are generous (BUDGET_MS.relay): the sender's own budget decides when to give up, and the first message after a cold start also waits for the engine to load.
const relay =
  <K extends OffscreenMessage>(type: K) =>
  async (request: RequestOf<K>): Promise<ResponseOf<K>> => {
    try {
      await ensureOffscreenDocument();
    } catch (thrown) {
      throw new ReplyError(
        checkError('engine_load_failed', `Checkpost could not start its checking engine (${describeThrown(thrown)}), so the post is on hold. Restart the browser and try again.`),
      );
    }
    const reply = await sendMessage(type, request, { timeoutMs: BUDGET_MS.relay, what: "Checkpost's engine" }, 'to_offscreen');
    if (!reply.ok) throw new ReplyError(reply.error);
    return reply.value;
  };

/** Who uses this browser, for the audit log: the name given on the options page, if any. */
async function staff(): Promise<{ staff?: string }> {
  const name = staffNameSchema.safeParse(await staffNameItem.getValue()).data;
  return name ? { staff: name } : {};
}

export default defineBackground(() => {
  // The service worker holds no state of its own: it may be stopped at any time, and everything
  // it needs (the offscreen document, the verdicts of each tab) is asked for or stored afresh.
  answerMessages('to_background', {
    analyseImage: relay('analyseImage'),
    checkPost: relay('checkPost'),
    engineStatus: relay('engineStatus'),
    awaitEngine: relay('awaitEngine'),
    enrolPhoto: relay('enrolPhoto'),
    reloadRoster: relay('reloadRoster'),
    rosterKey: () => rosterKeyItem.getValue(),
    recordVerdict: async (record, { tabId }) => {
      if (tabId !== undefined) await recordTabVerdict(tabId, record);
      // Every check that did not pass is accountable afterwards: what was found (rule ids, counts), never who or what.
      if (record.status !== 'pass') {
        const { platform, status, rules, errors, postHash } = record;
        await appendAudit({ kind: 'checked', platform, status, rules, errors, ...(postHash === null ? {} : { postHash }), ...(await staff()) });
      }
      return null;
    },
    recordAudit: async (event) => {
      await appendAudit({ ...event, ...(await staff()) });
      return null;
    },
  });
  void purgeExpiredAudit();
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A new install opens the first-run page: until whoever uses this browser has set it up, every post is held.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
});
