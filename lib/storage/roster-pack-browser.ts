import { checkError, err, ok, type CheckError, type Result } from '../errors';
import { emptyImportReport } from '../roster/import-report';
import { makeRosterPack, openRosterPack, openSigningKey } from '../roster/roster-pack';
import { passphraseProblem } from '../roster/sealing';
import { checkStored, packSignerItem, packSignerSchema } from './items-browser';
import { loadRoster, signingKeyFile, signingPassphrase, type RosterAccess, type StoredRoster } from './roster-db-browser';

const asCheckError = (message: string): CheckError => checkError('roster_invalid', message);

/** The ORM lead's export: the roster in use, sealed with the pack passphrase and signed with the school's key. */
export async function exportRosterPack(access: RosterAccess, packPassphrase: string, now: Date): Promise<Result<{ text: string; signer: string }, CheckError>> {
  const weak = passphraseProblem(packPassphrase);
  if (weak !== null) return err(asCheckError(weak));
  const [stored, keyFile] = await Promise.all([loadRoster(access.key), signingKeyFile(access)]);
  if (!stored.ok) return stored;
  if (!keyFile.ok) return keyFile;
  const key = await openSigningKey(keyFile.value, signingPassphrase(access));
  if (!key.ok) return err(asCheckError(key.error.message));
  const { roster, modelId, csvName } = stored.value;
  const pack = await makeRosterPack({ roster, modelId, csvName }, packPassphrase, key.value, now);
  if (!pack.ok) return err(asCheckError(pack.error.message));
  const opened = await openRosterPack(pack.value, packPassphrase);
  return opened.ok ? ok({ text: pack.value, signer: opened.value.signer }) : err(asCheckError(opened.error.message));
}

/** A staff browser's import: the pack opened against the signer this browser trusts and the date of the pack in use. */
export async function openPackForImport(text: string, passphrase: string): Promise<Result<{ record: StoredRoster; signer: string; createdAt: string }, CheckError>> {
  const pinned = checkStored(await packSignerItem.getValue(), packSignerSchema, 'roster pack signer');
  // A damaged pin is never read as "trust anyone": the pack is refused until the roster is erased and imported afresh.
  if (!pinned.ok) return err(asCheckError('The record of which signing key this browser trusts is damaged. Erase all roster data, then import the pack again.'));
  const opened = await openRosterPack(text, passphrase, pinned.value === null ? {} : { trustedSigner: pinned.value.fingerprint, inUseCreatedAt: pinned.value.createdAt });
  if (!opened.ok) return err(asCheckError(opened.error.message));
  const { roster, modelId, csvName, createdAt, signer } = opened.value;
  const staff = roster.people.filter((person) => person.role === 'staff').length;
  const report = {
    ...emptyImportReport(csvName),
    imported: true,
    pupils: roster.people.length - staff,
    staff,
    peopleImported: roster.people.length,
    templatesBuilt: roster.templates.length,
    photosChecked: roster.templates.length > 0,
  };
  return ok({ record: { roster, modelId, csvName, importedAt: createdAt, report }, signer, createdAt });
}

/** Pins the signer (first import) and records the date of the pack now in use. */
export const rememberPackSigner = (signer: string, createdAt: string): Promise<void> => packSignerItem.setValue({ fingerprint: signer, createdAt });

/** Forgets the pinned signer, as when the roster is erased. */
export const forgetPackSigner = (): Promise<void> => packSignerItem.removeValue();
