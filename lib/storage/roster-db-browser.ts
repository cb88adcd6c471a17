import { z } from 'zod';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { boxSchema, newRosterKey, sealedSchema, sealWithKey, seal, unseal, unsealWithKey, type Sealed } from '../roster/sealing';
import { bytesToBase64 } from '../base64';
import { createSigningKey } from '../roster/roster-pack';
import { STAGED_DAYS, type StagedTemplate } from '../roster/resumable-enrolment';
import { CURRENT_KEY, openCheckpostDb, ROSTER_STORE, SIGNING_KEY, STAGED_KEY, STAGED_PREFIX, type RecordKey, type StagedGroupKey } from './checkpost-db-browser';
import { checkStored } from './items-browser';
import { storedRosterSchema, type StoredRoster } from './roster-schema';

export type { StoredRoster };

/** The stored record: the roster sealed under the roster key, and that key sealed with the passphrase. */
const sealedRecordSchema = z.object({ format: z.literal('checkpost-sealed-roster'), version: z.literal(1), key: sealedSchema, roster: boxSchema });

/** What opens and re-saves the stored roster: its key, and that key as sealed with the passphrase. */
export interface RosterAccess {
  key: Uint8Array;
  sealedKey: Sealed;
}

const saveFailed = (thrown: unknown, what: string): Result<never, CheckError> =>
  err(checkError('file_unreadable', `Checkpost could not ${what} (${describeThrown(thrown)}). Nothing was changed; try again.`));

async function readRecord(key: RecordKey = CURRENT_KEY): Promise<Result<unknown, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      return ok(await db.get(ROSTER_STORE, key));
    } finally {
      db.close();
    }
  } catch (thrown) {
    return err(checkError('roster_missing', `Checkpost could not read its saved roster (${describeThrown(thrown)}). Import the roster again on the options page.`));
  }
}

async function writeRecord(record: unknown | undefined, key: RecordKey = CURRENT_KEY): Promise<Result<void, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction(ROSTER_STORE, 'readwrite');
      // Done on commit, not on the request's success: a write is only safe once the transaction is durable.
      const change = record !== undefined ? transaction.store.put(record, key) : key === CURRENT_KEY ? transaction.store.clear() : transaction.store.delete(key);
      await Promise.all([change, transaction.done]);
      return ok(undefined);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return saveFailed(thrown, record === undefined ? 'erase the roster' : 'save the roster');
  }
}

const NO_ROSTER = checkError(
  'roster_missing',
  "Checkpost is not set up on this browser yet, so it holds every post. Open Checkpost's options (right-click the Checkpost icon, then Options) and follow the steps: staff import the roster pack that the school's ORM lead gives them.",
);

const LOCKED = checkError(
  'roster_locked',
  "Checkpost's roster is locked, as it is each time the browser starts, so posts are held. Click the Checkpost icon in the toolbar and enter the school's roster passphrase.",
);

/** Whether any roster record is saved, locked or not (so the options page knows whether an import sets the passphrase). */
export async function hasSavedRoster(): Promise<boolean> {
  const stored = await readRecord();
  return stored.ok && stored.value !== undefined;
}

/**
 * The school's signing key file (lib/roster/roster-pack.ts), its private half sealed under the roster key, made at the
 * first export of a roster pack and kept until the roster is erased.
 */
export async function signingKeyFile(access: RosterAccess): Promise<Result<string, CheckError>> {
  const stored = await readRecord(SIGNING_KEY);
  if (!stored.ok) return stored;
  if (typeof stored.value === 'string') return ok(stored.value);
  const made = await createSigningKey(signingPassphrase(access));
  if (!made.ok) return err(checkError('file_unreadable', made.error.message));
  const saved = await writeRecord(made.value.file, SIGNING_KEY);
  return saved.ok ? ok(made.value.file) : saved;
}

/** The roster key, as text, is what seals the signing key: it is random, and unlocked with the roster. */
export const signingPassphrase = (access: RosterAccess): string => bytesToBase64(access.key);

/** The sealed roster record as stored, or why there is none to open. */
async function readSealedRecord(): Promise<Result<z.infer<typeof sealedRecordSchema>, CheckError>> {
  const stored = await readRecord();
  if (!stored.ok) return stored;
  if (stored.value === undefined) return err(NO_ROSTER);
  const record = sealedRecordSchema.safeParse(stored.value);
  return record.success
    ? ok(record.data)
    : err(checkError('roster_invalid', "Checkpost's saved roster is damaged. Erase all roster data on the options page and import the roster again."));
}

/** A new roster key sealed with the passphrase the ORM lead chose, for a first import (or after "Erase all roster data"). */
export async function newRosterAccess(passphrase: string): Promise<RosterAccess> {
  const key = newRosterKey();
  return { key, sealedKey: await seal(key, passphrase) };
}

/** The stored roster's key, if `passphrase` opens it; the roster itself stays sealed until loadRoster. */
export async function unlockRoster(passphrase: string): Promise<Result<RosterAccess, CheckError>> {
  const record = await readSealedRecord();
  if (!record.ok) return record;
  const key = await unseal(record.value.key, passphrase);
  if (!key.ok) return err(checkError('roster_locked', 'That passphrase does not open the roster. Check it with the ORM lead and try again.'));
  return ok({ key: key.value, sealedKey: record.value.key });
}

/** Access to the stored roster from its key alone (the browser is unlocked), for re-saving it without the passphrase. */
export async function rosterAccessWithKey(key: Uint8Array): Promise<Result<RosterAccess, CheckError>> {
  const record = await readSealedRecord();
  if (!record.ok) return record;
  const opens = await unsealWithKey(record.value.roster, key);
  return opens.ok ? ok({ key, sealedKey: record.value.key }) : err(LOCKED);
}

/** Seals and saves a roster record, replacing the one in use whole. */
export async function saveRoster(record: StoredRoster, access: RosterAccess): Promise<Result<void, CheckError>> {
  const sealed = { format: 'checkpost-sealed-roster', version: 1, key: access.sealedKey, roster: await sealWithKey(new TextEncoder().encode(JSON.stringify(record)), access.key) };
  return writeRecord(sealed);
}

/**
 * Deletes the roster in use (names, consents, face templates), its key and the signing key: until another is imported
 * every post is held.
 */
export const eraseRoster = (): Promise<Result<void, CheckError>> => writeRecord(undefined);

/**
 * The roster in use, opened with the roster key (null while the browser is locked), or why there is none: not
 * imported, locked, unreadable, or damaged (never acted on). A record saved unencrypted by an earlier Checkpost is
 * deleted, not read: pupils' names and templates are not left in the clear.
 */
export async function loadRoster(key: Uint8Array | null): Promise<Result<StoredRoster, CheckError>> {
  const stored = await readRecord();
  if (!stored.ok) return stored;
  if (stored.value === undefined) return err(NO_ROSTER);
  const record = sealedRecordSchema.safeParse(stored.value);
  if (!record.success) {
    if (storedRosterSchema.safeParse(stored.value).success) {
      const erased = await eraseRoster();
      if (!erased.ok) return erased;
      return err(
        checkError('roster_missing', 'Checkpost now keeps the roster encrypted; the roster saved by an earlier version was deleted. Import it again on the options page.'),
      );
    }
    return err(checkError('roster_invalid', "Checkpost's saved roster is damaged, so it is not used and every post is held. Import the roster again on the options page."));
  }
  if (key === null) return err(LOCKED);
  const plain = await unsealWithKey(record.data.roster, key);
  if (!plain.ok) return err(LOCKED);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(plain.value));
  } catch {
    parsed = undefined;
  }
  const checked = checkStored(parsed, storedRosterSchema, 'roster');
  if (!checked.ok)
    return err(checkError('roster_invalid', "Checkpost's saved roster is damaged, so it is not used and every post is held. Import the roster again on the options page."));
  const { roster } = checked.value;
  // No template is used without the school's record of its DPIA and notice to parents, whatever was saved.
  return roster.biometrics === null && roster.templates.length > 0 ? ok({ ...checked.value, roster: { ...roster, templates: [] } }) : checked;
}

const stagedGroupSchema = z.object({
  format: z.literal('checkpost-staged-enrolment'),
  version: z.literal(1),
  modelId: z.string(),
  savedAt: z.iso.datetime(),
  templates: boxSchema,
});
const stagedTemplatesSchema = z.array(z.object({ photoHash: z.string(), descriptor: z.array(z.number()) }));

/** Every staged group as stored, with its key; unreadable ones are returned as null, to be deleted. */
async function stagedGroups(): Promise<{ key: StagedGroupKey; value: unknown }[]> {
  const db = await openCheckpostDb();
  try {
    const keys = (await db.getAllKeys(ROSTER_STORE)).filter((key): key is StagedGroupKey => key.startsWith(STAGED_PREFIX) && key !== STAGED_KEY);
    return Promise.all(keys.map(async (key) => ({ key, value: await db.get(ROSTER_STORE, key) })));
  } finally {
    db.close();
  }
}

/**
 * Stages templates of an import under way, sealed under the roster key it will be saved with. The first group also
 * stages that key, sealed with the passphrase, so a first import (whose key is saved nowhere else yet) can resume.
 */
export async function stageTemplates(access: RosterAccess, modelId: string, made: StagedTemplate[], now = new Date()): Promise<Result<void, CheckError>> {
  const key = await readRecord(STAGED_KEY);
  // Replaced when another key is in use (a first import tried again with another passphrase), so the groups open.
  if (key.ok && JSON.stringify(key.value) !== JSON.stringify(access.sealedKey)) {
    const saved = await writeRecord(access.sealedKey, STAGED_KEY);
    if (!saved.ok) return saved;
  }
  const templates = await sealWithKey(new TextEncoder().encode(JSON.stringify(made)), access.key);
  // Keys in time order, never reused: each group is a new record, so staging 1,500 photos rewrites nothing.
  const groupKey: StagedGroupKey = `${STAGED_PREFIX}${now.getTime() * 1000 + Math.floor(Math.random() * 1000)}`;
  return writeRecord({ format: 'checkpost-staged-enrolment', version: 1, modelId, savedAt: now.toISOString(), templates }, groupKey);
}

/**
 * Templates an interrupted import made with this roster key and face model, by photo hash. Groups older than
 * STAGED_DAYS, or that this key does not open, are deleted: they are never used.
 */
export async function stagedTemplates(access: RosterAccess, modelId: string, now = new Date()): Promise<Map<string, number[]>> {
  const found = new Map<string, number[]>();
  let groups: { key: StagedGroupKey; value: unknown }[];
  try {
    groups = await stagedGroups();
  } catch {
    return found;
  }
  const oldest = now.getTime() - STAGED_DAYS * 24 * 3600 * 1000;
  for (const { key, value } of groups) {
    const group = stagedGroupSchema.safeParse(value);
    const plain = group.success && group.data.modelId === modelId && Date.parse(group.data.savedAt) >= oldest ? await unsealWithKey(group.data.templates, access.key) : null;
    let templates: StagedTemplate[] | null = null;
    if (plain?.ok) {
      try {
        const parsed = stagedTemplatesSchema.safeParse(JSON.parse(new TextDecoder().decode(plain.value)));
        templates = parsed.success ? parsed.data : null;
      } catch {
        templates = null;
      }
    }
    if (templates === null) await writeRecord(undefined, key);
    else for (const { photoHash, descriptor } of templates) found.set(photoHash, descriptor);
  }
  return found;
}

/** The key of a first import that was interrupted, if `passphrase` opens it: resuming goes on under the same key. */
export async function stagedAccess(passphrase: string): Promise<RosterAccess | null> {
  const stored = await readRecord(STAGED_KEY);
  const sealedKey = stored.ok ? sealedSchema.safeParse(stored.value) : null;
  if (!sealedKey?.success) return null;
  const key = await unseal(sealedKey.data, passphrase);
  return key.ok ? { key: key.value, sealedKey: sealedKey.data } : null;
}

/** Deletes every staged template and the staged key: the import was applied, or the roster erased. */
export async function clearStagedTemplates(): Promise<Result<void, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction(ROSTER_STORE, 'readwrite');
      const keys = (await transaction.store.getAllKeys()).filter((key) => key.startsWith(STAGED_PREFIX));
      await Promise.all([...keys.map((key) => transaction.store.delete(key)), transaction.done]);
      return ok(undefined);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return saveFailed(thrown, 'delete the templates of the import that stopped');
  }
}
