import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../lib/audit/audit-log';
import { appendAudit, purgeAudit, readAudit } from '../../../lib/storage/audit-log-browser';
import { AUDIT_STORE, openCheckpostDb } from '../../../lib/storage/checkpost-db-browser';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-01-05T09:00:00Z');
const checked = (status: 'warn' | 'block'): AuditEvent => ({ kind: 'checked', platform: 'x', status, rules: [{ ruleId: 'face-unknown', count: 1 }], postHash: 'cd'.repeat(32) });

/** Changes the audit store behind Checkpost's back, as someone with the browser's developer tools could. */
async function tamper(
  change: (store: { get(seq: number): Promise<unknown>; put(value: unknown, seq: number): Promise<unknown>; delete(seq: number): Promise<void> }) => Promise<unknown>,
): Promise<void> {
  const db = await openCheckpostDb();
  const transaction = db.transaction(AUDIT_STORE, 'readwrite');
  await change(transaction.store);
  await transaction.done;
  db.close();
}

describe('the audit log in IndexedDB', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('numbers entries in the order they are recorded, also when they are recorded at once, and verifies them', async () => {
    const recorded = await Promise.all(Array.from({ length: 20 }, (_, i) => appendAudit(checked(i % 2 ? 'warn' : 'block'), new Date(START + i * 1000))));
    expect(recorded.every((result) => result.ok)).toBe(true);
    const log = await readAudit();
    expect(log.ok && log.value.entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(log.ok && log.value.verification).toEqual({ ok: true, entries: 20 });
  });

  it('reads an empty log on a fresh profile as verified', async () => {
    expect(await readAudit()).toEqual({ ok: true, value: { entries: [], verification: { ok: true, entries: 0 } } });
  });

  it('reports an entry changed or deleted in storage', async () => {
    for (let i = 0; i < 4; i++) await appendAudit(checked('block'), new Date(START + i * 1000));
    await tamper(async (store) => store.put({ ...((await store.get(2)) as object), status: 'pass' }, 2));
    expect(await readAudit()).toMatchObject({ ok: true, value: { verification: { ok: false, problem: 'altered', seq: 2 } } });
    await tamper((store) => store.delete(2));
    expect(await readAudit()).toMatchObject({ ok: true, value: { verification: { ok: false, problem: 'removed', seq: 2 } } });
    await tamper((store) => store.delete(4));
    expect(await readAudit()).toMatchObject({ ok: true, value: { verification: { ok: false, problem: 'removed', seq: 2 } } });
  });

  it('purges entries past the retention period, records the purge, and still verifies', async () => {
    for (let i = 0; i < 6; i++) await appendAudit(checked('warn'), new Date(START + i * DAY_MS));
    const purged = await purgeAudit(new Date(START + 3.5 * DAY_MS), new Date(START + 10 * DAY_MS));
    expect(purged).toEqual({ ok: true, value: 4 });
    const log = await readAudit();
    expect(log.ok && log.value.entries.map((entry) => [entry.seq, entry.kind])).toEqual([
      [5, 'checked'],
      [6, 'checked'],
      [7, 'purged'],
    ]);
    expect(log.ok && log.value.entries.at(-1)?.purged).toEqual({ count: 4, before: new Date(START + 3.5 * DAY_MS).toISOString() });
    expect(log.ok && log.value.verification).toEqual({ ok: true, entries: 3 });
    // Nothing due: nothing deleted, nothing recorded.
    expect(await purgeAudit(new Date(START + 3.5 * DAY_MS))).toEqual({ ok: true, value: 0 });
    await appendAudit(checked('block'), new Date(START + 11 * DAY_MS));
    const after = await readAudit();
    expect(after.ok && after.value.verification).toEqual({ ok: true, entries: 4 });
  });
});
