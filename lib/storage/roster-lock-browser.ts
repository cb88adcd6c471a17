import { base64ToBytes, bytesToBase64 } from '../base64';
import { BUDGET_MS } from '../deadlines';
import { checkError, err, ok, type CheckError, type Result } from '../errors';
import type { EngineStatus } from '../messaging/protocol';
import { sendMessage } from '../messaging/runtime-browser';
import { rosterKeyItem, rosterVersion } from './items-browser';
import { rosterAccessWithKey, unlockRoster, type RosterAccess } from './roster-db-browser';

/** Keeps the roster key in session storage (memory only) and has the engine open the roster with it. */
export async function rememberRosterKey(access: RosterAccess): Promise<Result<EngineStatus, CheckError>> {
  await rosterKeyItem.setValue(bytesToBase64(access.key));
  const status = await sendMessage('reloadRoster', null, { timeoutMs: BUDGET_MS.engineWait, what: 'Opening the roster' });
  // Open composers hold verdicts judged while the roster was locked: they check their posts again.
  await rosterVersion.setValue(new Date().toISOString());
  return status;
}

/** The popup's and options page's unlock: the passphrase opens the roster key, which is then kept for this browser session. */
export async function unlockWithPassphrase(passphrase: string): Promise<Result<EngineStatus, CheckError>> {
  const access = await unlockRoster(passphrase);
  return access.ok ? rememberRosterKey(access.value) : access;
}

/** Access to the stored roster while this browser session is unlocked; the roster is locked otherwise. */
export async function sessionAccess(): Promise<Result<RosterAccess, CheckError>> {
  const key = await rosterKeyItem.getValue();
  if (key === '') return err(checkError('roster_locked', 'The roster is locked: unlock it with the roster passphrase first.'));
  const access = await rosterAccessWithKey(base64ToBytes(key));
  return access.ok ? ok(access.value) : access;
}

/** Forgets the key, as when the roster is erased. */
export const forgetRosterKey = (): Promise<void> => rosterKeyItem.removeValue();
