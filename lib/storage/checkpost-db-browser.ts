import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Checkpost's IndexedDB, shared by the options page that writes the roster, the offscreen document that reads it and
 * the service worker that keeps the audit log.
 *
 * The roster store holds one record, replaced whole by each import, and encrypted: names, consents and templates are
 * sealed under the roster key, which is stored only sealed with the roster passphrase (lib/roster/sealing.ts) and held
 * in memory while the browser is unlocked. Beside it, the school's signing key and the sealed templates of an import
 * not yet applied.
 *
 * The audit store holds the log's entries by number (lib/audit/audit-log.ts), and the audit chain store where it
 * starts and the newest entry it recorded, so entries removed from either end are noticed.
 */
export const DB_NAME = 'checkpost';
export const ROSTER_STORE = 'roster';
export const AUDIT_STORE = 'audit';
export const AUDIT_CHAIN_STORE = 'audit-chain';
export const CURRENT_KEY = 'current';
/** The school's signing key for roster packs, made at the first export; erased with the roster. */
export const SIGNING_KEY = 'signing';
/** An import's templates made so far, in sealed groups, until it is applied (lib/roster/resumable-enrolment.ts). */
export const STAGED_PREFIX = 'staged-';
/** The key the staged groups are sealed under, itself sealed with the roster passphrase: a first import has no other. */
export const STAGED_KEY = 'staged-key';
export type StagedGroupKey = `${typeof STAGED_PREFIX}${number}`;
export type RecordKey = typeof CURRENT_KEY | typeof SIGNING_KEY | typeof STAGED_KEY | StagedGroupKey;
export const AUDIT_CHAIN_KEY = 'chain';

export interface CheckpostDb extends DBSchema {
  // Values are `unknown` until checked: the store may hold what another version wrote.
  [ROSTER_STORE]: { key: RecordKey; value: unknown };
  [AUDIT_STORE]: { key: number; value: unknown };
  [AUDIT_CHAIN_STORE]: { key: typeof AUDIT_CHAIN_KEY; value: unknown };
}

/** Step n brings the database from version n to n + 1; add a step (never change one) when the stores change. */
const UPGRADES: ((db: IDBPDatabase<CheckpostDb>) => void)[] = [
  (db) => db.createObjectStore(ROSTER_STORE),
  (db) => {
    db.createObjectStore(AUDIT_STORE);
    db.createObjectStore(AUDIT_CHAIN_STORE);
  },
];

export const DB_VERSION = UPGRADES.length;

export function openCheckpostDb(): Promise<IDBPDatabase<CheckpostDb>> {
  return new Promise((resolve, reject) => {
    openDB<CheckpostDb>(DB_NAME, DB_VERSION, {
      upgrade: (db, oldVersion) => UPGRADES.slice(oldVersion).forEach((step) => step(db)),
      blocked: () => reject(new Error('The Checkpost database is open in an older version of Checkpost; close its other pages and try again.')),
    }).then(resolve, reject);
  });
}
