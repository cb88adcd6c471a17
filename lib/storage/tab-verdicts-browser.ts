import { storage } from 'wxt/utils/storage';
import type { VerdictRecord } from '../messaging/protocol';

/**
 * The last verdicts of each tab, for the popup. Session storage: gone when the browser closes,
 * never synced, and it survives the service worker being stopped. One key per tab, so two tabs
 * recording at once never overwrite each other.
 */
const tabKey = (tabId: number) => `session:verdicts-tab-${tabId}` as const;

/** The popup lists this many, newest first. */
export const VERDICTS_KEPT = 10;

export async function recordTabVerdict(tabId: number, record: VerdictRecord): Promise<void> {
  const kept = await tabVerdicts(tabId);
  await storage.setItem<VerdictRecord[]>(tabKey(tabId), [record, ...kept].slice(0, VERDICTS_KEPT));
}

export async function tabVerdicts(tabId: number): Promise<VerdictRecord[]> {
  return (await storage.getItem<VerdictRecord[]>(tabKey(tabId))) ?? [];
}

export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItem(tabKey(tabId));
}
