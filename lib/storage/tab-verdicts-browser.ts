import type { CheckError, Result } from '../errors';
import { checkStored, tabVerdictsItem, tabVerdictsSchema, VERDICTS_KEPT } from './items-browser';
import type { VerdictRecord } from './verdict-record';

export async function tabVerdicts(tabId: number): Promise<Result<VerdictRecord[], CheckError>> {
  return checkStored(await tabVerdictsItem(tabId).getValue(), tabVerdictsSchema, 'list of checks on this tab');
}

export async function recordTabVerdict(tabId: number, record: VerdictRecord): Promise<void> {
  const kept = await tabVerdicts(tabId);
  // A damaged list is replaced: it is never shown, and the new verdict must not be lost with it.
  await tabVerdictsItem(tabId).setValue([record, ...(kept.ok ? kept.value : [])].slice(0, VERDICTS_KEPT));
}

export async function forgetTab(tabId: number): Promise<void> {
  await tabVerdictsItem(tabId).removeValue({ removeMeta: true });
}
