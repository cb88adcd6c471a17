import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { aPerson, anImportReport, SCHOOL_BIOMETRICS } from '../../support/builders';
import { bytesToBase64 } from '../../../lib/base64';
import { PBKDF2_ITERATIONS } from '../../../lib/roster/sealing';
import { AUDIT_CHAIN_STORE, AUDIT_STORE, DB_NAME, DB_VERSION, openCheckpostDb, ROSTER_STORE } from '../../../lib/storage/checkpost-db-browser';
import {
  eraseRoster,
  loadRoster,
  newRosterAccess,
  clearStagedTemplates,
  rosterAccessWithKey,
  saveRoster,
  stagedAccess,
  stagedTemplates,
  stageTemplates,
  unlockRoster,
  type RosterAccess,
  type StoredRoster,
} from '../../../lib/storage/roster-db-browser';

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
  const PASSPHRASE = 'kettle on in the staff room';
  let access: RosterAccess;

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    access = await newRosterAccess(PASSPHRASE);
  });

  const rawRecord = async (): Promise<unknown> => {
    const db = await openCheckpostDb();
    try {
      return await db.get(ROSTER_STORE, 'current');
    } finally {
      db.close();
    }
  };

  it('has no roster until one is imported, and says so', async () => {
    expect(await loadRoster(access.key)).toEqual({
      ok: false,
      error: {
        code: 'roster_missing',
        message: expect.stringMatching(/^Checkpost is not set up on this browser yet, so it holds every post\..*roster pack that the school's ORM lead gives them/),
      },
    });
    expect(await unlockRoster(PASSPHRASE)).toMatchObject({ ok: false, error: { code: 'roster_missing' } });
  });

  it('gives back the saved roster exactly, and a new import replaces it whole', async () => {
    expect(await saveRoster(stored('first.csv', 'T999240119101'), access)).toEqual({ ok: true, value: undefined });
    expect(await loadRoster(access.key)).toEqual({ ok: true, value: stored('first.csv', 'T999240119101') });
    await saveRoster(stored('second.csv', 'R999240119108'), access);
    const current = await loadRoster(access.key);
    if (!current.ok) throw new Error(current.error.message);
    expect(current.value.csvName).toBe('second.csv');
    expect(current.value.roster.people.map((person) => person.id)).toEqual(['R999240119108']);
  });

  it('keeps nothing of the roster in the clear: no name, UPN, consent or template, and no key', async () => {
    await saveRoster(stored('first.csv', 'T999240119101'), access);
    const text = JSON.stringify(await rawRecord());
    expect(text).not.toMatch(/Hughes|T999240119101|first\.csv|socialMedia|descriptor/);
    expect(text).not.toContain(bytesToBase64(access.key));
    expect(JSON.parse(text)).toMatchObject({ format: 'checkpost-sealed-roster', key: { kdf: { name: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS } } });
  });

  it('is locked without the key: the passphrase unlocks it, a wrong one does not', async () => {
    await saveRoster(stored('first.csv', 'T999240119101'), access);
    expect(await loadRoster(null)).toMatchObject({ ok: false, error: { code: 'roster_locked', message: expect.stringMatching(/enter the school's roster passphrase/) } });
    expect(await unlockRoster('kettle off in the staff room')).toMatchObject({ ok: false, error: { code: 'roster_locked', message: expect.stringMatching(/does not open/) } });
    const unlocked = await unlockRoster(PASSPHRASE);
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    expect(await loadRoster(unlocked.value.key)).toEqual({ ok: true, value: stored('first.csv', 'T999240119101') });
    expect(await rosterAccessWithKey(unlocked.value.key)).toEqual({ ok: true, value: unlocked.value });
    expect(await rosterAccessWithKey((await newRosterAccess(PASSPHRASE)).key)).toMatchObject({ ok: false, error: { code: 'roster_locked' } });
  });

  it('erases the roster whole: afterwards there is none, and saying so', async () => {
    await saveRoster(stored('first.csv', 'T999240119101'), access);
    expect(await eraseRoster()).toEqual({ ok: true, value: undefined });
    expect(await loadRoster(access.key)).toMatchObject({ ok: false, error: { code: 'roster_missing' } });
    expect(await rawRecord()).toBeUndefined();
  });

  it(`creates version ${DB_VERSION} with the roster and audit stores on a fresh profile`, async () => {
    const db = await openCheckpostDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([AUDIT_STORE, AUDIT_CHAIN_STORE, ROSTER_STORE].sort());
    db.close();
  });

  it.each(['roster-v1.json', 'roster-v2.json'])('deletes a roster an earlier version saved unencrypted (%s), asking for it again', async (name) => {
    await writeAsVersion1(fixture(name));
    expect(await loadRoster(access.key)).toEqual({ ok: false, error: { code: 'roster_missing', message: expect.stringMatching(/now keeps the roster encrypted/) } });
    expect(await rawRecord()).toBeUndefined();
  });

  it.each([
    ['not a roster at all', 'Amelia Hughes'],
    ['a sealed record cut short', { format: 'checkpost-sealed-roster', version: 1 }],
  ])('refuses a saved record that is %s: never used, with a message', async (_what, record) => {
    await writeAsVersion1(record);
    expect(await loadRoster(access.key)).toEqual({ ok: false, error: { code: 'roster_invalid', message: expect.stringMatching(/saved roster is damaged/) } });
  });

  describe('templates staged by an import not yet applied', () => {
    const made = (n: number) => Array.from({ length: n }, (_, i) => ({ photoHash: `hash-${i}`, descriptor: [i, 1] }));
    const keys = async (): Promise<string[]> => {
      const db = await openCheckpostDb();
      try {
        return (await db.getAllKeys(ROSTER_STORE)).map(String);
      } finally {
        db.close();
      }
    };

    it('reads back every group staged under this key and model, by photo hash, sealed at rest', async () => {
      await stageTemplates(access, 'model-a', made(2));
      await stageTemplates(access, 'model-a', made(3).slice(2));
      const staged = await stagedTemplates(access, 'model-a');
      expect([...staged.entries()]).toEqual([
        ['hash-0', [0, 1]],
        ['hash-1', [1, 1]],
        ['hash-2', [2, 1]],
      ]);
      const db = await openCheckpostDb();
      const raw = await Promise.all((await keys()).map((key) => db.get(ROSTER_STORE, key as 'current')));
      db.close();
      expect(JSON.stringify(raw)).not.toContain('hash-0');
      // Another face model's templates are never compared with this one's.
      expect((await stagedTemplates(access, 'model-b')).size).toBe(0);
    });

    it('lets a first import resume under its key, given the same passphrase, even when tried before with another', async () => {
      await stageTemplates(await newRosterAccess('a passphrase tried first'), 'model-a', made(1));
      await stageTemplates(access, 'model-a', made(2));
      const resumed = await stagedAccess(PASSPHRASE);
      expect(resumed?.key).toEqual(access.key);
      expect(await stagedAccess('not the passphrase')).toBeNull();
      // The group sealed under the first key is unreadable now, so it is deleted, not kept.
      expect((await stagedTemplates(resumed!, 'model-a')).size).toBe(2);
      expect((await keys()).filter((key) => key.startsWith('staged-'))).toHaveLength(2);
    });

    it('uses nothing staged more than 7 days ago, and deletes every group when cleared', async () => {
      await stageTemplates(access, 'model-a', made(1), new Date('2026-11-01T09:00:00Z'));
      expect((await stagedTemplates(access, 'model-a', new Date('2026-11-09T09:00:00Z'))).size).toBe(0);
      await stageTemplates(access, 'model-a', made(1));
      await saveRoster(stored('roster.csv', 'A1'), access);
      expect(await clearStagedTemplates()).toEqual({ ok: true, value: undefined });
      expect(await keys()).toEqual(['current']);
    });
  });
});
