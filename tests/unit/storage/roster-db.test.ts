import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { aPerson, anImportReport, SCHOOL_BIOMETRICS } from '../../support/builders';
import { DB_NAME, DB_VERSION, eraseRoster, loadRoster, openCheckpostDb, ROSTER_STORE, saveRoster, type StoredRoster } from '../../../lib/storage/roster-db-browser';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'storage', name), 'utf8'));

const stored = (csvName: string, personId: string): StoredRoster => ({
  roster: {
    people: [aPerson({ id: personId, photoFile: `photos/${personId}.jpg` })],
    templates: [{ personId, modelId: 'model-a', descriptor: [0.6, 0.8] }],
    biometrics: SCHOOL_BIOMETRICS,
  },
  modelId: 'model-a',
  csvName,
  importedAt: '2025-01-31T09:00:00.000Z',
  report: anImportReport({ csvName, rowsRead: 1, pupils: 1, peopleImported: 1, templatesBuilt: 1 }),
});

/** Writes the roster record as version 1 of Checkpost did, with plain IndexedDB requests. */
function writeAsVersion1(record: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(ROSTER_STORE);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const transaction = request.result.transaction(ROSTER_STORE, 'readwrite');
      transaction.objectStore(ROSTER_STORE).put(record, 'current');
      transaction.oncomplete = () => {
        request.result.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

describe('roster database', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('has no roster until one is imported, and says so', async () => {
    expect(await loadRoster()).toEqual({ ok: false, error: { code: 'roster_missing', message: expect.stringMatching(/^No pupil roster has been imported/) } });
  });

  it('gives back the saved roster exactly, and a new import replaces it whole', async () => {
    expect(await saveRoster(stored('first.csv', 'T999240119101'))).toEqual({ ok: true, value: undefined });
    expect(await loadRoster()).toEqual({ ok: true, value: stored('first.csv', 'T999240119101') });
    await saveRoster(stored('second.csv', 'R999240119108'));
    const current = await loadRoster();
    if (!current.ok) throw new Error(current.error.message);
    expect(current.value.csvName).toBe('second.csv');
    expect(current.value.roster.people.map((person) => person.id)).toEqual(['R999240119108']);
  });

  it('erases the roster whole: afterwards there is none, and saying so', async () => {
    await saveRoster(stored('first.csv', 'T999240119101'));
    expect(await eraseRoster()).toEqual({ ok: true, value: undefined });
    expect(await loadRoster()).toMatchObject({ ok: false, error: { code: 'roster_missing' } });
  });

  it(`creates version ${DB_VERSION} with the roster store on a fresh profile`, async () => {
    const db = await openCheckpostDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual([ROSTER_STORE]);
    db.close();
  });

  it('reads a record saved before the biometric gate, and deletes its templates for good: no DPIA was recorded for them', async () => {
    await writeAsVersion1(fixture('roster-v1.json'));
    const v1 = fixture('roster-v1.json') as StoredRoster;
    const withoutTemplates = { ...v1, roster: { ...v1.roster, templates: [], biometrics: null } };
    expect(await loadRoster()).toEqual({ ok: true, value: withoutTemplates });
    const db = await openCheckpostDb();
    expect(await db.get(ROSTER_STORE, 'current')).toEqual(withoutTemplates);
    db.close();
  });

  it('reads a record saved with the biometric gate as it was written, templates and all', async () => {
    await writeAsVersion1(fixture('roster-v2.json'));
    expect(await loadRoster()).toEqual({ ok: true, value: fixture('roster-v2.json') });
  });

  it.each([
    ['not a roster at all', 'Amelia Hughes'],
    ['a roster without its report', { ...stored('a.csv', 'T999240119101'), report: undefined }],
    [
      'a template whose descriptor is not numbers',
      { ...stored('a.csv', 'T999240119101'), roster: { people: [], templates: [{ personId: 'T1', modelId: 'm', descriptor: ['x'] }] } },
    ],
  ])('refuses a saved record that is %s: never used, with a message', async (_what, record) => {
    await writeAsVersion1(record);
    expect(await loadRoster()).toEqual({ ok: false, error: { code: 'roster_invalid', message: expect.stringMatching(/saved roster is damaged/) } });
  });
});
