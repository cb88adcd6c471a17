import { z } from 'zod';
import {
  AUDIT_START,
  auditAnchorSchema,
  auditEntrySchema,
  chainEntry,
  purgeBefore,
  verifyAuditLog,
  type AuditEntry,
  type AuditEvent,
  type AuditVerification,
} from '../audit/audit-log';
import { checkError, describeThrown, err, ok, type CheckError, type Result } from '../errors';
import { AUDIT_CHAIN_KEY, AUDIT_CHAIN_STORE, AUDIT_STORE, openCheckpostDb } from './checkpost-db-browser';

/** Where the kept entries start (the newest purged, or the log's start) and the newest entry recorded. */
const chainSchema = z.object({ anchor: auditAnchorSchema, head: auditAnchorSchema });
type Chain = z.infer<typeof chainSchema>;

const NEW_LOG: Chain = { anchor: AUDIT_START, head: AUDIT_START };

const failed = (thrown: unknown, what: string): Result<never, CheckError> =>
  err(checkError('file_unreadable', `Checkpost could not ${what} (${describeThrown(thrown)}). Tell whoever looks after Checkpost at your school.`));

/**
 * Records one event at the end of the log, in one transaction with the chain's head, so two records at once never
 * share a number and a record is either whole or absent. The hash is computed synchronously inside it.
 */
export async function appendAudit(event: AuditEvent, now = new Date()): Promise<Result<AuditEntry, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction([AUDIT_STORE, AUDIT_CHAIN_STORE], 'readwrite');
      const stored = chainSchema.safeParse(await transaction.objectStore(AUDIT_CHAIN_STORE).get(AUDIT_CHAIN_KEY));
      // A damaged chain record is not replaced by a fresh one (that would hide what was there): entries go on from it as read.
      const chain = stored.success ? stored.data : NEW_LOG;
      const entry = chainEntry(chain.head, event, now);
      await Promise.all([
        transaction.objectStore(AUDIT_STORE).put(entry, entry.seq),
        transaction.objectStore(AUDIT_CHAIN_STORE).put({ ...chain, head: { seq: entry.seq, hash: entry.hash } }, AUDIT_CHAIN_KEY),
        transaction.done,
      ]);
      return ok(entry);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return failed(thrown, 'record this in its audit log');
  }
}

export interface AuditLog {
  entries: AuditEntry[];
  verification: AuditVerification;
}

/** The whole log, oldest first, and whether it is as recorded. An entry that is not an entry counts as altered. */
export async function readAudit(): Promise<Result<AuditLog, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction([AUDIT_STORE, AUDIT_CHAIN_STORE], 'readonly');
      const [keys, values, chainValue] = await Promise.all([
        transaction.objectStore(AUDIT_STORE).getAllKeys(),
        transaction.objectStore(AUDIT_STORE).getAll(),
        transaction.objectStore(AUDIT_CHAIN_STORE).get(AUDIT_CHAIN_KEY),
      ]);
      const chain = chainValue === undefined ? NEW_LOG : chainSchema.safeParse(chainValue).data;
      if (chain === undefined)
        return ok({ entries: [], verification: { ok: false, problem: 'altered', seq: 0, message: 'The record of where the log starts and ends has been changed.' } });
      const entries: AuditEntry[] = [];
      for (const [index, value] of values.entries()) {
        const entry = auditEntrySchema.safeParse(value);
        if (!entry.success || entry.data.seq !== keys[index]) {
          return ok({ entries, verification: { ok: false, problem: 'altered', seq: keys[index]!, message: `Entry ${keys[index]} has been changed since it was recorded.` } });
        }
        entries.push(entry.data);
      }
      return ok({ entries, verification: verifyAuditLog(entries, chain.anchor, chain.head) });
    } finally {
      db.close();
    }
  } catch (thrown) {
    return failed(thrown, 'read its audit log');
  }
}

/**
 * Deletes the entries recorded before `cutoff` and records that it did, in one transaction: the newest deleted entry
 * becomes the anchor the rest are verified from. Returns how many went (0: nothing was due, and nothing is recorded).
 */
export async function purgeAudit(cutoff: Date, now = new Date()): Promise<Result<number, CheckError>> {
  try {
    const db = await openCheckpostDb();
    try {
      const transaction = db.transaction([AUDIT_STORE, AUDIT_CHAIN_STORE], 'readwrite');
      const audit = transaction.objectStore(AUDIT_STORE);
      const chain = chainSchema.safeParse(await transaction.objectStore(AUDIT_CHAIN_STORE).get(AUDIT_CHAIN_KEY));
      // Nothing is deleted from a log that does not verify as far as its chain record: the purge would hide that.
      if (!chain.success) return ok(0);
      const entries = (await audit.getAll()).flatMap((value) => {
        const entry = auditEntrySchema.safeParse(value);
        return entry.success ? [entry.data] : [];
      });
      const purge = purgeBefore(entries, chain.data.anchor, cutoff);
      if (purge.removed === 0) return ok(0);
      const noted = chainEntry(chain.data.head, { kind: 'purged', purged: { count: purge.removed, before: cutoff.toISOString() } }, now);
      await Promise.all([
        audit.delete(IDBKeyRange.upperBound(purge.anchor.seq)),
        audit.put(noted, noted.seq),
        transaction.objectStore(AUDIT_CHAIN_STORE).put({ anchor: purge.anchor, head: { seq: noted.seq, hash: noted.hash } }, AUDIT_CHAIN_KEY),
        transaction.done,
      ]);
      return ok(purge.removed);
    } finally {
      db.close();
    }
  } catch (thrown) {
    return failed(thrown, 'delete audit entries past their retention period');
  }
}
