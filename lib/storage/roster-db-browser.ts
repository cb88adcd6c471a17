import type { ImportReport, Roster } from '../roster/types';

/**
 * The imported roster, in the extension's IndexedDB (shared by the options page that writes it
 * and the offscreen document that reads it). One record, replaced whole by each import, so a
 * failed import can never leave half a roster behind.
 */
export interface StoredRoster {
  roster: Roster;
  /** Descriptor model the templates were made with. */
  modelId: string;
  csvName: string;
  /** ISO 8601. */
  importedAt: string;
  report: ImportReport;
}

const DB_NAME = 'checkpost';
/** Bump with a new step in `upgrade` whenever the stores change. */
export const DB_VERSION = 1;
const ROSTER_STORE = 'roster';
const CURRENT_KEY = 'current';

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) db.createObjectStore(ROSTER_STORE);
}

export function openCheckpostDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`Could not open the ${DB_NAME} database.`));
    request.onblocked = () => reject(new Error('The Checkpost database is open in an older version of Checkpost; close its other pages and try again.'));
  });
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(ROSTER_STORE, mode);
    const request = work(transaction.objectStore(ROSTER_STORE));
    // Resolve on commit, not on the request's success: a write is only safe once the transaction is durable.
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('The roster database refused the change.'));
    transaction.onabort = () => reject(transaction.error ?? new Error('The roster database change was cancelled.'));
  });
}

export async function saveRoster(record: StoredRoster, factory?: IDBFactory): Promise<void> {
  const db = await openCheckpostDb(factory);
  try {
    await run(db, 'readwrite', (store) => store.put(record, CURRENT_KEY));
  } finally {
    db.close();
  }
}

export async function loadRoster(factory?: IDBFactory): Promise<StoredRoster | null> {
  const db = await openCheckpostDb(factory);
  try {
    const record = await run<StoredRoster | undefined>(db, 'readonly', (store) => store.get(CURRENT_KEY) as IDBRequest<StoredRoster | undefined>);
    return record ?? null;
  } finally {
    db.close();
  }
}
