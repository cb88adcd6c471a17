import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { aPerson, anImportReport } from '../../support/builders';
import { DB_VERSION, loadRoster, openCheckpostDb, saveRoster, type StoredRoster } from '../../../lib/storage/roster-db-browser';

const stored = (csvName: string, personId: string): StoredRoster => ({
  roster: {
    people: [aPerson({ id: personId, photoFile: `photos/${personId}.jpg` })],
    templates: [{ personId, modelId: 'model-a', descriptor: [0.6, 0.8] }],
  },
  modelId: 'model-a',
  csvName,
  importedAt: '2025-01-31T09:00:00.000Z',
  report: anImportReport({ csvName, rowsRead: 1, pupils: 1, peopleImported: 1, templatesBuilt: 1 }),
});

describe('roster database', () => {
  it('has no roster until one is imported', async () => {
    expect(await loadRoster(new IDBFactory())).toBeNull();
  });

  it('gives back the saved roster exactly, and a new import replaces it whole', async () => {
    const factory = new IDBFactory();
    await saveRoster(stored('first.csv', 'T999240119101'), factory);
    expect(await loadRoster(factory)).toEqual(stored('first.csv', 'T999240119101'));
    await saveRoster(stored('second.csv', 'R999240119108'), factory);
    const current = await loadRoster(factory);
    expect(current?.csvName).toBe('second.csv');
    expect(current?.roster.people.map((person) => person.id)).toEqual(['R999240119108']);
  });

  it(`creates schema version ${DB_VERSION} with the roster store on a fresh profile`, async () => {
    const db = await openCheckpostDb(new IDBFactory());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toEqual(['roster']);
    db.close();
  });
});
