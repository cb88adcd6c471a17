import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AUDIT_START, auditCsv, chainEntry, purgeBefore, verifyAuditLog, type AuditAnchor, type AuditEntry, type AuditEvent } from '../../../lib/audit/audit-log';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-09-01T08:00:00Z');

const blocked = (n: number): AuditEvent => ({
  kind: 'checked',
  platform: 'x',
  status: 'block',
  rules: [{ ruleId: 'name-in-text', count: n }],
  postHash: 'ab'.repeat(32),
  staff: 'Mr Patel',
});

/** `count` entries a day apart, from START. */
function log(count: number): { entries: AuditEntry[]; head: AuditAnchor } {
  const entries: AuditEntry[] = [];
  let last = AUDIT_START;
  for (let i = 1; i <= count; i++) {
    const entry = chainEntry(last, blocked(i), new Date(START + i * DAY_MS));
    entries.push(entry);
    last = { seq: entry.seq, hash: entry.hash };
  }
  return { entries, head: last };
}

describe('audit log hash chain', () => {
  it('verifies a log as recorded', () => {
    const { entries, head } = log(5);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[1]!.prev).toBe(entries[0]!.hash);
    expect(verifyAuditLog(entries, AUDIT_START, head)).toEqual({ ok: true, entries: 5 });
  });

  it('finds an entry changed after it was recorded', () => {
    const { entries, head } = log(5);
    const changed = entries.map((entry) => (entry.seq === 3 ? { ...entry, status: 'pass' as const } : entry));
    expect(verifyAuditLog(changed, AUDIT_START, head)).toMatchObject({ ok: false, problem: 'altered', seq: 3 });
  });

  it('finds a changed entry whose hash was recomputed, by the next entry no longer following it', () => {
    const { entries, head } = log(5);
    const forged = chainEntry({ seq: 2, hash: entries[1]!.hash }, { ...blocked(3), reason: 'nothing to see' }, new Date(entries[2]!.at));
    const changed = entries.map((entry) => (entry.seq === 3 ? forged : entry));
    expect(verifyAuditLog(changed, AUDIT_START, head)).toMatchObject({ ok: false, problem: 'altered', seq: 4 });
  });

  it('finds an entry removed from the middle, and entries cut from the end', () => {
    const { entries, head } = log(5);
    expect(
      verifyAuditLog(
        entries.filter((entry) => entry.seq !== 2),
        AUDIT_START,
        head,
      ),
    ).toMatchObject({ ok: false, problem: 'removed', seq: 2, message: 'Entry 2 has been removed.' });
    expect(verifyAuditLog(entries.slice(0, 3), AUDIT_START, head)).toMatchObject({ ok: false, problem: 'removed', seq: 4, message: 'Entries 4 to 5 have been removed.' });
    expect(verifyAuditLog(entries.slice(1), AUDIT_START, head)).toMatchObject({ ok: false, problem: 'removed', seq: 1 });
  });

  it('finds entries put in another order', () => {
    const { entries, head } = log(5);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!, entries[4]!];
    expect(verifyAuditLog(swapped, AUDIT_START, head)).toMatchObject({ ok: false, problem: 'removed', seq: 2 });
    const renumbered = [entries[0]!, entries[2]!, entries[1]!].map((entry, i) => ({ ...entry, seq: i + 1 }));
    expect(verifyAuditLog(renumbered, AUDIT_START, { seq: 3, hash: entries[1]!.hash })).toMatchObject({ ok: false, problem: 'altered', seq: 2 });
    const moved = [entries[0]!, entries[1]!, entries[3]!, entries[2]!];
    expect(verifyAuditLog(moved, AUDIT_START, head)).toMatchObject({ ok: false, problem: 'removed', seq: 3 });
    expect(verifyAuditLog([entries[1]!, entries[0]!], AUDIT_START, head)).toMatchObject({ ok: false, problem: 'removed', seq: 1 });
    expect(verifyAuditLog([entries[0]!, entries[1]!, entries[1]!], AUDIT_START, head)).toMatchObject({ ok: false, problem: 'reordered', seq: 2 });
  });

  it('keeps verifying after a purge, from the newest entry deleted, and the purge is itself an entry', () => {
    const { entries, head } = log(10);
    const purge = purgeBefore(entries, AUDIT_START, new Date(START + 4.5 * DAY_MS));
    expect(purge.removed).toBe(4);
    expect(purge.kept.map((entry) => entry.seq)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(purge.anchor).toEqual({ seq: 4, hash: entries[3]!.hash });
    expect(verifyAuditLog(purge.kept, purge.anchor, head)).toEqual({ ok: true, entries: 6 });
    const noted = chainEntry(head, { kind: 'purged', purged: { count: purge.removed, before: new Date(START + 4.5 * DAY_MS).toISOString() } }, new Date(START + 11 * DAY_MS));
    expect(verifyAuditLog([...purge.kept, noted], purge.anchor, { seq: noted.seq, hash: noted.hash })).toEqual({ ok: true, entries: 7 });
    // The old anchor no longer fits: the deleted entries cannot be passed off as never having existed.
    expect(verifyAuditLog(purge.kept, AUDIT_START, head)).toMatchObject({ ok: false, problem: 'removed', seq: 1 });
  });

  it('keeps only the fields it knows: words of a post given by mistake are not recorded', () => {
    const entry = chainEntry(AUDIT_START, { ...blocked(1), text: 'Well done Amelia Hughes' } as AuditEvent, new Date(START));
    expect(JSON.stringify(entry)).not.toContain('Amelia');
  });

  it('refuses an event that is not one it records', () => {
    expect(() => chainEntry(AUDIT_START, { kind: 'deleted' } as unknown as AuditEvent, new Date(START))).toThrow();
    expect(() => chainEntry(AUDIT_START, { kind: 'checked', postHash: 'not a hash' }, new Date(START))).toThrow();
  });
});

describe('audit log CSV', () => {
  it('writes one row per entry, with rule counts, and escapes what a spreadsheet would run as a formula', () => {
    const first = chainEntry(AUDIT_START, blocked(2), new Date(START));
    const second = chainEntry(
      first,
      { kind: 'override_granted', platform: 'x', postHash: 'ab'.repeat(32), reason: '=HYPERLINK("http://example.com")', approver: 'Mrs Okafor' },
      new Date(START + 60_000),
    );
    const rows = Papa.parse<string[]>(auditCsv([first, second]), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Entry', 'Time (UTC)', 'Event', 'Staff', 'Platform', 'Verdict', 'Rules', 'Errors', 'Post hash', 'Reason', 'Approver', 'Entry hash']);
    expect(rows[1]!.slice(0, 7)).toEqual(['1', '2026-09-01T08:00:00.000Z', 'checked', 'Mr Patel', 'x', 'block', 'name-in-text x2']);
    expect(rows[2]![9]).toBe(`'=HYPERLINK("http://example.com")`);
    expect(rows[2]![10]).toBe('Mrs Okafor');
  });
});
