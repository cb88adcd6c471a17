import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import Papa from 'papaparse';
import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { errorCodeSchema, platformSchema, verdictStatusSchema } from '../messaging/schemas';

/**
 * What the audit log records. `checked`: a check that warned, blocked or could not check; `post_anyway`: a warning
 * accepted; `sent`: a post published after a check let it through; `override_granted` / `override_refused`: the
 * Headteacher's decision on a block; `unchecked`: a post that may have gone out while Checkpost was not in control;
 * `purged`: entries past the retention period deleted.
 */
export const auditKindSchema = z.enum(['checked', 'post_anyway', 'sent', 'override_granted', 'override_refused', 'unchecked', 'purged']);
export type AuditKind = z.infer<typeof auditKindSchema>;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One event as a caller reports it. Never words of the post, text read from photos, names of pupils, pixels or
 * descriptors: rule ids and error codes with counts, and a hash that tells posts apart without saying what they were.
 */
export const auditEventSchema = z.object({
  kind: auditKindSchema,
  platform: platformSchema.optional(),
  status: verdictStatusSchema.optional(),
  rules: z.array(z.object({ ruleId: z.string().regex(/^[a-z]+(-[a-z]+)*$/), count: z.int().positive() })).optional(),
  errors: z.array(z.object({ code: errorCodeSchema, count: z.int().positive() })).optional(),
  /** SHA-256 (hex) of the post's text and its photos' hashes. */
  postHash: hashSchema.optional(),
  /** The member of staff at this browser, as set at first run or by the school's policy. */
  staff: z.string().max(120).optional(),
  /** An override's reason, or what `unchecked` was (e.g. the warning that Checkpost could not see the composer dismissed). */
  reason: z.string().max(2000).optional(),
  approver: z.string().max(120).optional(),
  /** For `purged`: how many entries, all recorded before this time (ISO). */
  purged: z.object({ count: z.int().nonnegative(), before: z.iso.datetime() }).optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** An event as kept: numbered, timed, and chained to the entry before by hash. */
export const auditEntrySchema = auditEventSchema.extend({ seq: z.int().positive(), at: z.iso.datetime(), prev: hashSchema, hash: hashSchema });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The last entry before the first one kept: the log's start (seq 0), or the newest entry a purge deleted. */
export const auditAnchorSchema = z.object({ seq: z.int().nonnegative(), hash: hashSchema });
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

export const AUDIT_START: AuditAnchor = { seq: 0, hash: '0'.repeat(64) };

/** SHA-256 over the entry without its own hash, keys in sorted order, so a re-read or re-ordered record hashes the same. */
const hashOf = (entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string =>
  // canonicalJson leaves out undefined fields: the entry's own hash is not part of what it hashes.
  bytesToHex(sha256(new TextEncoder().encode(canonicalJson({ ...entry, hash: undefined }))));

/** The entry that follows `last` (the newest entry, or the anchor of an empty log). Synchronous, so it fits inside one storage transaction. */
export function chainEntry(last: AuditAnchor, event: AuditEvent, at: Date): AuditEntry {
  const entry = { ...auditEventSchema.parse(event), seq: last.seq + 1, at: at.toISOString(), prev: last.hash };
  return { ...entry, hash: hashOf(entry) };
}

export type AuditProblem = 'altered' | 'removed' | 'reordered';

export type AuditVerification = { ok: true; entries: number } | { ok: false; problem: AuditProblem; seq: number; message: string };

const broken = (problem: AuditProblem, seq: number, message: string): AuditVerification => ({ ok: false, problem, seq, message });

/**
 * Checks the log as stored (in storage order) from its anchor to its head (the newest entry the log recorded, kept
 * beside it, so entries cut from the end are noticed too). Reports the first place where an entry was altered,
 * removed or moved.
 */
export function verifyAuditLog(entries: readonly AuditEntry[], anchor: AuditAnchor, head: AuditAnchor): AuditVerification {
  let last = anchor;
  const seqByHash = new Map(entries.map((entry) => [entry.hash, entry.seq]));
  for (const entry of entries) {
    if (hashOf(entry) !== entry.hash) return broken('altered', entry.seq, `Entry ${entry.seq} has been changed since it was recorded.`);
    if (entry.seq <= last.seq) return broken('reordered', entry.seq, `Entry ${entry.seq} is out of order: it comes after entry ${last.seq}.`);
    if (entry.seq > last.seq + 1) return broken('removed', last.seq + 1, removedMessage(last.seq + 1, entry.seq - 1));
    if (entry.prev !== last.hash) {
      const moved = seqByHash.get(entry.prev);
      return moved !== undefined
        ? broken('reordered', entry.seq, `Entry ${entry.seq} was recorded after entry ${moved}, not after entry ${last.seq}.`)
        : broken('altered', entry.seq, `Entry ${entry.seq} does not follow entry ${last.seq}: one of them has been changed.`);
    }
    last = { seq: entry.seq, hash: entry.hash };
  }
  if (head.seq > last.seq) return broken('removed', last.seq + 1, removedMessage(last.seq + 1, head.seq));
  if (head.seq !== last.seq || head.hash !== last.hash) return broken('altered', last.seq, `The newest entry (${last.seq}) is not the one the log last recorded.`);
  return { ok: true, entries: entries.length };
}

const removedMessage = (from: number, to: number): string => (from === to ? `Entry ${from} has been removed.` : `Entries ${from} to ${to} have been removed.`);

/**
 * Entries recorded before `cutoff` go, with every entry numbered before them (the log is cut at one place, so a
 * clock put back cannot leave a hole); the newest of them becomes the anchor the kept entries are verified from.
 */
export function purgeBefore(entries: readonly AuditEntry[], anchor: AuditAnchor, cutoff: Date): { kept: AuditEntry[]; removed: number; anchor: AuditAnchor } {
  const before = cutoff.toISOString();
  const cut = entries.findLastIndex((entry) => entry.at < before) + 1;
  const newest = entries[cut - 1];
  return { kept: entries.slice(cut), removed: cut, anchor: newest === undefined ? anchor : { seq: newest.seq, hash: newest.hash } };
}

const listed = (items: [string, number][]): string => items.map(([id, count]) => (count === 1 ? id : `${id} x${count}`)).join('; ');

/** The log as CSV for the school's records; a cell that a spreadsheet would run as a formula is escaped. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return Papa.unparse(
    {
      fields: ['Entry', 'Time (UTC)', 'Event', 'Staff', 'Platform', 'Verdict', 'Rules', 'Errors', 'Post hash', 'Reason', 'Approver', 'Entry hash'],
      data: entries.map((entry) => [
        entry.seq,
        entry.at,
        entry.kind === 'purged' && entry.purged ? `purged (${entry.purged.count} before ${entry.purged.before})` : entry.kind,
        entry.staff ?? '',
        entry.platform ?? '',
        entry.status ?? '',
        listed((entry.rules ?? []).map(({ ruleId, count }) => [ruleId, count])),
        listed((entry.errors ?? []).map(({ code, count }) => [code, count])),
        entry.postHash ?? '',
        entry.reason ?? '',
        entry.approver ?? '',
        entry.hash,
      ]),
    },
    { escapeFormulae: true, newline: '\r\n' },
  );
}
