import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { checkStored } from './items-browser';
import { storedRosterSchema, type StoredRoster } from './roster-schema';

export type { StoredRoster };

/**
 * Checkpost's IndexedDB, shared by the options page that writes the roster and the offscreen
 * document that reads it. One record, replaced whole by each import.
 */
export const DB_NAME = 'checkpost';
export const ROSTER_STORE = 'roster';
const CURRENT_KEY = 'current';

interface CheckpostDb extends DBSchema {
  // Values are `unknown` until checked: the store may hold what another version wrote.
  [ROSTER_STORE]: { key: typeof CURRENT_KEY; value: unknown };
}

/** Step n brings the database from version n to n + 1; add a step (never change one) when the stores change. */
const UPGRADES: ((db: IDBPDatabase<CheckpostDb>) => void)[] = [(db) => db.createObjectStore(ROSTER_STORE)];

export const DB_VERSION = UPGRADES.length;

export function openCheckpostDb(): Promise<IDBPDatabase<CheckpostDb>> {
  return new Promise((resolve, reject) => {
    openDB<CheckpostDb>(DB_NAME, DB_VERSION, {
      upgrade: (db, oldVersion) => UPGRADES.slice(oldVersion).forEach((step) => step(db)),
      blocked: () => reject(new Error('The Checkpost database is open in an older version of Checkpost; close its other pages and try again.')),
    }).then(resolve, reject);
  });
}

export async function saveRoster(record: StoredRoster): Promise<Result<void, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction(ROSTER_STORE, 'readwrite');
      // Done on commit, not on the request's success: a write is only safe once the transaction is durable.
      await Promise.all([transaction.store.put(record, CURRENT_KEY), transaction.done]);
      return ok(undefined);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return err(checkError('file_unreadable', `Checkpost could not save the roster (${describeThrown(thrown)}). Nothing was changed; try the import again.`));
  }
}

/** Deletes the roster in use (names, consents, face templates): until another is imported every post is held. */
export async function eraseRoster(): Promise<Result<void, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction(ROSTER_STORE, 'readwrite');
      await Promise.all([transaction.store.delete(CURRENT_KEY), transaction.done]);
      return ok(undefined);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return err(checkError('file_unreadable', `Checkpost could not erase the roster (${describeThrown(thrown)}). Nothing was changed; try again.`));
  }
}

/** The roster in use, or why there is none: not imported, unreadable, or damaged (never acted on). */
export async function loadRoster(): Promise<Result<StoredRoster, CheckError>> {
  let stored: unknown;
  try {
    const db = await openCheckpostDb();
    try {
      stored = await db.get(ROSTER_STORE, CURRENT_KEY);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return err(checkError('roster_missing', `Checkpost could not read its saved roster (${describeThrown(thrown)}). Import the roster again on the options page.`));
  }
  if (stored === undefined) {
    return err(
      checkError(
        'roster_missing',
        "No pupil roster has been imported into Checkpost yet, so it cannot check posts. Import the roster on Checkpost's options page (right-click the Checkpost icon, then Options).",
      ),
    );
  }
  const checked = checkStored(stored, storedRosterSchema, 'roster');
  if (!checked.ok)
    return err(checkError('roster_invalid', "Checkpost's saved roster is damaged, so it is not used and every post is held. Import the roster again on the options page."));
  const { roster } = checked.value;
  if (roster.biometrics !== null || roster.templates.length === 0) return checked;
  // Templates with no record of a DPIA and notice to parents (a roster saved before the gate existed) are deleted, not just ignored.
  const withoutTemplates = { ...checked.value, roster: { ...roster, templates: [] } };
  const saved = await saveRoster(withoutTemplates);
  return saved.ok ? ok(withoutTemplates) : saved;
}
